package org.communitydesk.backup;

import java.util.Map;
import org.communitydesk.common.ProblemException;

/** 409: this installation cannot take an online backup now (PostgreSQL, an in-memory database, one running). */
class BackupUnavailableProblem extends ProblemException {

    private final String reason;

    BackupUnavailableProblem(String reason, String detail) {
        super(409, "backup-unavailable", "Backup unavailable", detail);
        this.reason = reason;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("reason", reason);
    }
}
