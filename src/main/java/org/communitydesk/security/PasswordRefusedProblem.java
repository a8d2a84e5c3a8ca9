package org.communitydesk.security;

import org.communitydesk.common.InvalidRequestProblem;

/** A password the policy refuses: the API answers its English detail, a page words {@link #refusal} itself. */
public class PasswordRefusedProblem extends InvalidRequestProblem {

    private final PasswordPolicy.Refusal refusal;

    PasswordRefusedProblem(String field, PasswordPolicy.Refusal refusal, String detail) {
        super(field, detail);
        this.refusal = refusal;
    }

    public PasswordPolicy.Refusal refusal() {
        return refusal;
    }
}
