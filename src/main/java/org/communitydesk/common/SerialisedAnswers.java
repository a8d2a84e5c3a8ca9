package org.communitydesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON of answers, by identity: an answer kept for a few seconds ({@link RecentAnswers}) and sent again and
 * again is serialised, and digested for its ETag, once. Weak keys: an entry goes with its answer; and at most
 * {@link #MAXIMUM_BYTES} in all.
 */
@ApplicationScoped
public class SerialisedAnswers {

    private static final long MAXIMUM_BYTES = 16L << 20;

    /** An answer's JSON, and the first 12 bytes of its SHA-256 in hexadecimal. */
    public record Serialised(byte[] json, String digest) {
    }

    @Inject
    ObjectMapper mapper;

    private final Cache<Object, Serialised> serialised = Caffeine.newBuilder().weakKeys()
            .maximumWeight(MAXIMUM_BYTES).<Object, Serialised>weigher((answer, json) -> json.json().length).build();

    public Serialised of(Object answer) {
        return serialised.get(answer, this::serialise);
    }

    private Serialised serialise(Object answer) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an answer as JSON", e);
        }
        try {
            return new Serialised(json, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
