package org.communitydesk.open311;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.directory.Organization;

/**
 * A key with which an application may POST service requests. The key is shown once, to the ADMIN
 * who issued it; only its SHA-256 is stored, and its first characters (the prefix) name it.
 */
@Entity
@Table(name = "open311_api_key")
public class ApiKey extends IdentityEntity {

    /** Every key starts so, which lets secret scanners and people recognise one. */
    static final String MARK = "cd311_";
    /** The mark and 8 characters (48 bits) of the random part: enough to tell keys apart, useless to guess one. */
    static final int PREFIX_LENGTH = MARK.length() + 8;
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(nullable = false, unique = true, updatable = false)
    public String prefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    String keyHash;

    /** The organization that holds the key, if it is one of ours. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization organization;

    /** The application that holds the key, such as 12345 热线小程序. */
    public String application;

    /** Whether the answer to a POST tells the resident's access code (for the residents' own apps only). */
    @Column(name = "reveals_access_code", nullable = false)
    public boolean revealsAccessCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    protected ApiKey() {
    }

    /** A new key and the key itself in clear, which exists only in the answer to the one who issued it. */
    record Issued(ApiKey key, String plainKey) {
    }

    static Issued issue(Organization organization, String application, boolean revealsAccessCode, String actor,
            Instant at) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String plainKey = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey();
        key.prefix = plainKey.substring(0, PREFIX_LENGTH);
        key.keyHash = hash(plainKey);
        key.organization = organization;
        key.application = application;
        key.revealsAccessCode = revealsAccessCode;
        key.createdAt = at;
        key.createdBy = actor;
        return new Issued(key, plainKey);
    }

    static Optional<ApiKey> findByPlainKey(String plainKey) {
        return find("keyHash", hash(plainKey.strip())).firstResultOptional();
    }

    static Optional<ApiKey> findByPrefix(String prefix) {
        return find("prefix", prefix).firstResultOptional();
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Revoking twice keeps the first revocation. */
    void revoke(String actor, Instant at) {
        if (isActive()) {
            revokedAt = at;
            revokedBy = actor;
        }
    }

    void recordUse(Instant at) {
        lastUsedAt = at;
    }

    /** Who holds the key, for logs and answers: the application, else the organization's code. */
    String holder() {
        return application != null ? application : organization.code;
    }

    /**
     * A plain SHA-256, not bcrypt: a key is 256 random bits, so nobody can guess it from its hash,
     * however fast the hash; bcrypt's slowness protects guessable passwords, and here it would only
     * cost every POST tens of milliseconds. A fast hash also lets the database find the key by it.
     */
    static String hash(String plainKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plainKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
