package org.evenhand.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.SanctionLadder;

/** A published version of the definition read straight from its YAML, for tests that boot nothing. */
public final class PublishedDefinition {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private PublishedDefinition() {
    }

    public static DefinitionVersion version(String id) {
        try (InputStream in = PublishedDefinition.class.getClassLoader()
                .getResourceAsStream("definition/versions/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no published version " + id);
            }
            return YAML.readValue(in, DefinitionVersion.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 2026.1: tier 1 no-action/advice-training; 2 adds formal-warning; 3 advice-training to suspension (max 12 months); 4 formal-warning to referral-expulsion. */
    public static SanctionLadder ladder2026() {
        return SanctionLadder.of(version("2026.1"));
    }
}
