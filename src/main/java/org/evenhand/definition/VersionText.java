package org.evenhand.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A version as text: the YAML a repository file holds, read strictly, and the canonical text a
 * version published from the pages is frozen as (the same YAML shape, fields in the record's
 * order, tiers in order, no empty values), with the SHA-256 that freezes either. Publication hashes
 * the text once; afterwards only the stored text is hashed, so a new YAML library cannot unfreeze it.
 */
public final class VersionText {

    private static final ObjectMapper READ = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final ObjectMapper WRITE = JsonMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private VersionText() {
    }

    /** The version a text holds; an IllegalArgumentException naming the version when it does not parse. */
    public static DefinitionVersion parse(byte[] text, String what) {
        try {
            return READ.readValue(text, DefinitionVersion.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("definition version " + what + " does not parse: " + e.getMessage(), e);
        }
    }

    /** The canonical text of a version: what publication stores and hashes. */
    public static String canonical(DefinitionVersion v) {
        try {
            return WRITE.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
