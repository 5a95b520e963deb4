package org.evenhand.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Why a complainant asks for their name to be kept from the member they complain about, chosen from
 * a short fixed list (decision 0029); their own words go with it.
 */
public enum AnonymityGround {
    REPRISAL("reprisal", "I fear reprisal from them, or from people close to them"),
    PILE_ON("pile-on", "I fear a pile-on against me if my name is known"),
    OTHER("other", "Another reason, which I explain below");

    private final String code;
    private final String words;

    AnonymityGround(String code, String words) {
        this.code = code;
        this.words = words;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The ground in the words the complainant chose it by. */
    public String words() {
        return words;
    }

    /** The ground with this code, or null for none or an unknown one (the command then says what it needs). */
    @JsonCreator
    public static AnonymityGround of(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst().orElse(null);
    }
}
