package org.communitydesk.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.ConflictProblem;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.PageResponse;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.security.UserViews.CreateUserRequest;
import org.communitydesk.security.UserViews.SecurityEventView;
import org.communitydesk.security.UserViews.UserView;

/** User management for ADMIN, and the security log. */
@ApplicationScoped
@Transactional
public class Accounts {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    Clock clock;

    @Inject
    VerifiedLogins verifiedLogins;

    @Inject
    LoginVerifier loginVerifier;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return AppUser.<AppUser>list("order by username").stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String username) {
        return view(find(username));
    }

    public UserView create(CreateUserRequest request, String actor) {
        if (AppUser.findByUsername(request.username()).isPresent()) {
            throw new ConflictProblem("A user named '" + request.username() + "' already exists.");
        }
        Area community = null;
        Area streetOffice = null;
        Organization organization = null;
        switch (request.role()) {
            case STAFF -> community = area("communityCode", request.communityCode(), AreaLevel.COMMUNITY);
            case SUPERVISOR -> streetOffice = area("streetOfficeCode", request.streetOfficeCode(), AreaLevel.STREET_OFFICE);
            case CONTRACTOR -> organization = organization(request.organizationCode());
            case ADMIN -> { }
        }
        requireOnlyScopeOf(request);
        requireGoodPassword("password", request.password(), request.username());
        Instant now = clock.instant();
        AppUser user = AppUser.create(request.username(), request.displayName().strip(), request.password(),
                request.role(), community, streetOffice, organization, now);
        user.persist();
        SecurityEvent.record(SecurityEventType.USER_CREATED, user.username, actor, "role " + user.role, now);
        return view(user);
    }

    /** An ADMIN sets (or, with null, removes) the address where the user's notifications by e-mail go. */
    public UserView setEmail(String username, String email, String actor) {
        AppUser user = find(username);
        user.email = email == null || email.isBlank() ? null : email.strip();
        return changed(user, SecurityEventType.EMAIL_CHANGED, actor, null);
    }

    /** Enables the user, and lifts the delays that failed sign-ins put on their name. */
    public UserView enable(String username, String actor) {
        AppUser user = find(username);
        user.enabled = true;
        SignInFailure.clearAccount(username);
        return changed(user, SecurityEventType.USER_ENABLED, actor, null);
    }

    /** Disables the user: sign-ins and every session of theirs stop at once. */
    public UserView disable(String username, String actor) {
        if (username.equals(actor)) {
            throw new ForbiddenProblem("You cannot disable your own account.");
        }
        AppUser user = find(username);
        user.enabled = false;
        user.endSessions();
        return changed(user, SecurityEventType.USER_DISABLED, actor, null);
    }

    /** An ADMIN sets a user's password: the user's sessions end, and delays on their name are lifted. */
    public UserView resetPassword(String username, String password, String actor) {
        AppUser user = find(username);
        requireGoodPassword("password", password, username);
        user.changePassword(password);
        SignInFailure.clearAccount(username);
        return changed(user, SecurityEventType.PASSWORD_RESET, actor, null);
    }

    /**
     * A user changes their own password, giving the current one: checked like a sign-in (the same delays,
     * so that a stolen session cannot guess it here). Every session of the user ends, this one included.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String client) {
        if (currentPassword == null || loginVerifier.verify(username, currentPassword, client).isEmpty()) {
            throw new InvalidRequestProblem("currentPassword", "The current password is wrong.");
        }
        requireGoodPassword("newPassword", newPassword, username);
        storeOwnPassword(username, newPassword);
    }

    void storeOwnPassword(String username, String newPassword) {
        AppUser user = find(username);
        user.changePassword(newPassword);
        changed(user, SecurityEventType.PASSWORD_CHANGED, username, null);
    }

    /** Ends every pages' session of the user (sign-out), on every instance. */
    public void signOut(String username) {
        AppUser.findByUsername(username).ifPresent(user -> {
            user.endSessions();
            SecurityEvent.record(SecurityEventType.SIGNED_OUT, username, username, null, clock.instant());
        });
    }

    private static void requireGoodPassword(String field, String password, String username) {
        PasswordPolicy.check(password, username).ifPresent(refusal -> {
            throw new PasswordRefusedProblem(field, refusal, PasswordPolicy.refusal(password, username).orElseThrow());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    /** Newest first; {@code page} from 0 and {@code size} from 1, as the resource checks them. */
    public PageResponse<SecurityEventView> audit(SecurityEventType type, String username, int page, int size) {
        int capped = Math.min(size, MAX_PAGE_SIZE);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (type != null) {
            where.append(" and type = :type");
            params.put("type", type);
        }
        if (username != null && !username.isBlank()) {
            where.append(" and username = :username");
            params.put("username", username.strip());
        }
        var query = SecurityEvent.<SecurityEvent>find(where + " order by id desc", params);
        long total = query.count();
        List<SecurityEventView> items = query.page(page, capped).list().stream().map(SecurityEventView::of).toList();
        return new PageResponse<>(items, page, capped, total);
    }

    private UserView changed(AppUser user, SecurityEventType type, String actor, String detail) {
        verifiedLogins.forget(user.username);
        SecurityEvent.record(type, user.username, actor, detail, clock.instant());
        return view(user);
    }

    /** The user as the API shows it, with the failed sign-ins on their name in the throttle's window. */
    private UserView view(AppUser user) {
        Instant now = clock.instant();
        long failures = SignInFailure.since(user.username, "", now.minus(SignInThrottle.WINDOW)).onAccount();
        return UserView.of(user, failures);
    }

    private static AppUser find(String username) {
        return AppUser.findByUsername(username).orElseThrow(() -> new NotFoundProblem("user", username));
    }

    private static Area area(String field, String code, AreaLevel level) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestProblem(field, field + " is required for this role.");
        }
        return Area.findByCode(code.strip()).filter(a -> a.level == level)
                .orElseThrow(() -> new InvalidRequestProblem(field, "No " + level.name().toLowerCase().replace('_', ' ')
                        + " with code '" + code.strip() + "'."));
    }

    private static Organization organization(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidRequestProblem("organizationCode", "organizationCode is required for this role.");
        }
        return Organization.findByCode(code.strip()).orElseThrow(
                () -> new InvalidRequestProblem("organizationCode", "No organization with code '" + code.strip() + "'."));
    }

    /** A user gets the one scope of their role; a second one would be silently ignored, so refuse it. */
    private static void requireOnlyScopeOf(CreateUserRequest request) {
        String[][] scopes = { { "communityCode", request.communityCode(), Role.STAFF.name() },
                { "streetOfficeCode", request.streetOfficeCode(), Role.SUPERVISOR.name() },
                { "organizationCode", request.organizationCode(), Role.CONTRACTOR.name() } };
        for (String[] scope : scopes) {
            if (scope[1] != null && !scope[1].isBlank() && !scope[2].equals(request.role().name())) {
                throw new InvalidRequestProblem(scope[0], scope[0] + " does not apply to role " + request.role() + ".");
            }
        }
    }
}
