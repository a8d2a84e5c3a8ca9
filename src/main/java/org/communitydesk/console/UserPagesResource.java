package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Set;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Roles;
import org.communitydesk.security.Accounts;
import org.communitydesk.security.PasswordPolicy;
import org.communitydesk.security.PasswordRefusedProblem;
import org.communitydesk.security.Role;
import org.communitydesk.security.UserViews.CreateUserRequest;
import org.communitydesk.security.UserViews.UserView;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.web.PageTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Accounts on pages: everyone changes their own password; ADMINs list, create, enable and disable users and
 * set their passwords. The rules are security.Accounts', the same as the API's (/api/me/password, /api/users).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class UserPagesResource {

    /** The messages a redirect may name in ?done=; anything else shows nothing. */
    static final Set<String> DONE = Set.of("usersCreated", "usersEnabled", "usersDisabled", "usersPasswordSet");

    /** What was typed into the new user's form (never the password), to fill it again. */
    public record NewUser(String username, String displayName, String role, String community, String streetOffice,
            String organization) {

        static final NewUser EMPTY = new NewUser("", "", "STAFF", "", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(String problemKey, String problem);

        static native TemplateInstance users(List<UserView> users, List<Role> roles, List<Ref> communities,
                List<Ref> streetOffices, List<Ref> organizations, NewUser form, String done, String doneUser,
                String problemKey, String problem);
    }

    @Inject
    Accounts accounts;

    @Inject
    CurrentActor actor;

    @Inject
    CsrfTokens csrf;

    @Inject
    ConsoleChoices choices;

    @Inject
    Validator validator;

    @Inject
    PageTexts texts;

    // --- One's own password -----------------------------------------------------------------------------------

    @GET
    @Path("password")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public TemplateInstance passwordForm() {
        return Templates.password(null, null);
    }

    /** Changed: every session of the user ends, this one too, so the page sends them to sign in again. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response changePassword(@RestForm(CsrfTokens.FIELD) String token, @RestForm String currentPassword,
            @RestForm String newPassword, @RestForm String repeatPassword, HttpServerRequest http) {
        String username = actor.get().actor().name();
        if (!csrf.accepts(username, token)) {
            return passwordPage(400, "formExpired", null);
        }
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            return passwordPage(400, "passwordMismatch", null);
        }
        try {
            accounts.changeOwnPassword(username, currentPassword, newPassword, ClientFailure.addressOf(http));
        } catch (ProblemException refused) {
            return passwordPage(refused.status(), "currentPassword".equals(field(refused)) ? "passwordCurrentWrong"
                    : refused.status() == 429 ? "passwordTooManyTries" : "passwordRefused", why(refused));
        }
        return Response.seeOther(UriBuilder.fromPath("/login").queryParam("passwordChanged", "").build()).build();
    }

    private static Response passwordPage(int status, String key, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.password(key, detail)).build();
    }

    // --- Users, for ADMINs -------------------------------------------------------------------------------------

    @GET
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance users(@RestQuery String done, @RestQuery String user) {
        return usersPage(NewUser.EMPTY, done != null && DONE.contains(done) ? done : null, user, null, null);
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response createUser(@RestForm(CsrfTokens.FIELD) String token, @RestForm String username,
            @RestForm String displayName, @RestForm String password, @RestForm String role,
            @RestForm String community, @RestForm String streetOffice, @RestForm String organization) {
        NewUser form = new NewUser(strip(username), strip(displayName), strip(role), strip(community),
                strip(streetOffice), strip(organization));
        String admin = actor.get().actor().name();
        if (!csrf.accepts(admin, token)) {
            return refused(form, "formExpired", null);
        }
        Role chosen = Set.of("STAFF", "SUPERVISOR", "CONTRACTOR", "ADMIN").contains(form.role())
                ? Role.valueOf(form.role()) : null;
        // Only the scope of the chosen role is passed on: the form keeps the other lists' choices.
        CreateUserRequest request = new CreateUserRequest(form.username(), form.displayName(),
                password == null ? "" : password, chosen,
                chosen == Role.STAFF ? blankToNull(form.community()) : null,
                chosen == Role.SUPERVISOR ? blankToNull(form.streetOffice()) : null,
                chosen == Role.CONTRACTOR ? blankToNull(form.organization()) : null);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return refused(form, "usersInvalid", texts.describe(violations));
        }
        try {
            accounts.create(request, admin);
        } catch (ProblemException problem) {
            return refused(form, "usersRefused", why(problem));
        }
        return done("usersCreated", form.username());
    }

    @POST
    @Path("users/{username}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response enable(@PathParam("username") String username, @RestForm(CsrfTokens.FIELD) String token) {
        return change(token, username, "usersEnabled", admin -> accounts.enable(username, admin));
    }

    @POST
    @Path("users/{username}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response disable(@PathParam("username") String username, @RestForm(CsrfTokens.FIELD) String token) {
        return change(token, username, "usersDisabled", admin -> accounts.disable(username, admin));
    }

    @POST
    @Path("users/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response setPassword(@PathParam("username") String username, @RestForm(CsrfTokens.FIELD) String token,
            @RestForm String password) {
        return change(token, username, "usersPasswordSet",
                admin -> accounts.resetPassword(username, password == null ? "" : password, admin));
    }

    private Response change(String token, String username, String doneKey,
            java.util.function.Consumer<String> change) {
        String admin = actor.get().actor().name();
        if (!csrf.accepts(admin, token)) {
            return refused(NewUser.EMPTY, "formExpired", null);
        }
        try {
            change.accept(admin);
        } catch (ProblemException problem) {
            return refused(NewUser.EMPTY, problem.status() == 404 ? "usersNotFound" : "usersRefused", why(problem));
        }
        return done(doneKey, username);
    }

    /** What the page says under its heading: in the page's language, never the API's English detail. */
    private String why(ProblemException problem) {
        AccountMessages acct = texts.bundle(AccountMessages.class);
        if (problem instanceof PasswordRefusedProblem password) {
            return switch (password.refusal()) {
                case REQUIRED -> acct.passwordRefusalRequired();
                case TOO_SHORT -> acct.passwordRefusalTooShort(PasswordPolicy.MIN_CHARACTERS);
                case TOO_LONG -> acct.passwordRefusalTooLong(PasswordPolicy.MAX_BYTES);
                case TOO_FEW_DISTINCT -> acct.passwordRefusalTooFewDistinct(PasswordPolicy.MIN_DISTINCT);
                case USER_NAME -> acct.passwordRefusalUserName();
                case COMMON -> acct.passwordRefusalCommon();
            };
        }
        if (problem.status() == 409) {
            return acct.usersNameTaken();
        }
        return texts.problem(problem);
    }

    private Response refused(NewUser form, String key, String detail) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(usersPage(form, null, null, key, detail))
                .build();
    }

    private static Response done(String key, String username) {
        return Response.seeOther(UriBuilder.fromPath("/console/users").queryParam("done", key)
                .queryParam("user", "{user}").build(username)).build();
    }

    private TemplateInstance usersPage(NewUser form, String done, String doneUser, String key, String detail) {
        var scope = actor.get().scope();
        return Templates.users(accounts.list(), List.of(Role.values()), choices.communities(scope),
                choices.streetOffices(scope), choices.organizations(), form, done, doneUser == null ? "" : doneUser,
                key, detail);
    }

    private static String field(ProblemException problem) {
        if (problem.extensions().get("violations") instanceof List<?> violations && !violations.isEmpty()
                && violations.get(0) instanceof org.communitydesk.common.Violation first) {
            return first.field();
        }
        return null;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
