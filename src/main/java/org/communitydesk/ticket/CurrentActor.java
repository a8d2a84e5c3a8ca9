package org.communitydesk.ticket;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request, as recorded on ticket events. The API has no accounts yet,
 * so every request acts as "anonymous"; the accounts issue derives the actor from the login.
 */
@RequestScoped
public class CurrentActor {

    public Actor get() {
        return new Actor("anonymous", "ANONYMOUS");
    }
}
