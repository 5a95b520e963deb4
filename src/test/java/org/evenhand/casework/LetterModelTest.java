package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The renderer reads back the model a letter's template was given (decision 0043): fails first if Qute changes. */
@Tag("fast")
class LetterModelTest {

    @Test
    void theModelOfATemplateInstanceIsReadBack() {
        Letters.Dismissed m = new Letters.Dismissed("2026.1", "reasons");
        TemplateInstance t = Engine.builder().addDefaults().build().parse("{m.reasons}").data("m", m);
        assertSame(m, LetterRenderer.modelOf(t));
        // in tests Qute wraps each instance in one that collects what was rendered
        assertSame(m, LetterRenderer.modelOf(new io.quarkus.qute.ResultsCollectingTemplateInstance(t, (i, s) -> {
        })));
    }
}
