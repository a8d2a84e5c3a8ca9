package org.communitydesk.backup;

import org.communitydesk.common.ProblemException;

/** 500: the backup could not be written; the detail says what to check. */
class BackupFailedProblem extends ProblemException {

    BackupFailedProblem(String detail) {
        super(500, "backup-failed", "Backup failed", detail);
    }
}
