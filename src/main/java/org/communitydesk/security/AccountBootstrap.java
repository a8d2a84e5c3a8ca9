package org.communitydesk.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.OneTimeWork;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.ticket.DemoTickets;
import org.jboss.logging.Logger;

/**
 * Makes sure somebody can sign in, without a default password in production: the first ADMIN
 * comes from COMMUNITYDESK_ADMIN_PASSWORD; demo users with a documented password exist only
 * when demo data is on; with neither and no user in the database, the service refuses to start.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    /** The password of every demo user; documented in the README, and only ever used with demo data. */
    public static final String DEMO_PASSWORD = "communitydesk-demo";

    record DemoUser(String username, String displayName, Role role, String scopeCode) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("beixinyuan.staff", "王芳（北馨园社区）", Role.STAFF, "beixinyuan"),
            new DemoUser("zhenxingjie.staff", "李娜（振兴街社区）", Role.STAFF, "zhenxingjie"),
            new DemoUser("huaiyuan.staff", "张伟（槐园社区）", Role.STAFF, "huaiyuan"),
            new DemoUser("yingbin.supervisor", "赵敏（迎宾街道）", Role.SUPERVISOR, "yingbin"),
            new DemoUser("xihuayuan.supervisor", "刘洋（西花园街道）", Role.SUPERVISOR, "xihuayuan"),
            new DemoUser("tongda.crew", "通达清掏队 孙师傅", Role.CONTRACTOR, "tongda-dredging"),
            new DemoUser("sewage.crew", "市政排污所 周师傅", Role.CONTRACTOR, "datong-sewage"),
            new DemoUser("sanitation.crew", "环卫服务中心 郑师傅", Role.CONTRACTOR, "pingcheng-sanitation"),
            new DemoUser("zhongrui.crew", "中瑞物业 吴经理", Role.CONTRACTOR, "zhongrui-property"));

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Inject
    OneTimeWork oneTimeWork;

    // Runs before the demo tickets are loaded, and before anyone can sign in. Under the start lock, so that
    // instances starting at the same moment create each account once: the second waits, then finds them.
    void onStart(@Observes @Priority(100) StartupEvent event) {
        var adminPassword = config.admin().password().filter(p -> !p.isBlank());
        var refusal = adminPassword.flatMap(p -> PasswordPolicy.refusal(p, config.admin().username()));
        if (refusal.isPresent()) {
            throw new IllegalStateException("COMMUNITYDESK_ADMIN_PASSWORD is refused: " + refusal.get()
                    + " Choose another password and start again.");
        }
        oneTimeWork.run("accounts", () -> createAccounts(adminPassword));
    }

    private void createAccounts(Optional<String> adminPassword) {
        Instant now = clock.instant();
        String adminName = config.admin().username();
        if (config.demo().enabled()) {
            long real = DemoTickets.countReal();
            if (real > 0) {
                String message = realTicketsMessage(real);
                LOG.error(message);
                throw new IllegalStateException(message);
            }
        } else {
            retireDemoAccounts(adminName, adminPassword, now);
        }
        if (AppUser.count() == 0) {
            if (adminPassword.isPresent()) {
                create(adminName, "Administrator", adminPassword.get(), Role.ADMIN, null, now);
                LOG.infof("Created the first administrator '%s' from COMMUNITYDESK_ADMIN_PASSWORD.", adminName);
            } else if (!config.demo().enabled()) {
                throw new IllegalStateException("No user exists yet and COMMUNITYDESK_ADMIN_PASSWORD is not set, so "
                        + "nobody could sign in. Set COMMUNITYDESK_ADMIN_PASSWORD (at least " + PasswordPolicy.MIN_CHARACTERS
                        + " characters; the setting communitydesk.admin.password works too) to create the first "
                        + "administrator '" + adminName + "', then start again.");
            }
        }
        if (config.demo().enabled()) {
            if (AppUser.findByUsername(adminName).isEmpty()) {
                create(adminName, "Administrator", DEMO_PASSWORD, Role.ADMIN, null, now);
            }
            int created = 0;
            for (DemoUser demo : DEMO_USERS) {
                if (AppUser.findByUsername(demo.username()).isEmpty()) {
                    create(demo.username(), demo.displayName(), DEMO_PASSWORD, demo.role(), demo.scopeCode(), now);
                    created++;
                }
            }
            if (created > 0) {
                LOG.infof("Demo data is on: created %d demo users with the documented demo password. "
                        + "Never switch demo data on in production.", created);
            }
        }
    }

    /** Why a start with demo data on is refused on this database, and what to do. */
    public static String realTicketsMessage(long realTickets) {
        return "Demo data is switched on (communitydesk.demo.enabled / COMMUNITYDESK_DEMO_ENABLED), but this database "
                + "holds " + realTickets + " tickets that are not demo tickets. Demo data and its users, whose password is "
                + "published, must never go into a database with real work. Switch demo data off to run on this "
                + "database, or point the service at a new, empty database to look around with the demo.";
    }

    /**
     * With demo data off, no account may still open with the published demo password: the demo users are
     * disabled, and an administrator made with the demo password takes COMMUNITYDESK_ADMIN_PASSWORD, or the
     * start is refused. Runs at every start, so a database once started with demo data is safe after the switch.
     */
    private void retireDemoAccounts(String adminName, Optional<String> adminPassword, Instant now) {
        List<String> disabled = new java.util.ArrayList<>();
        for (DemoUser demo : DEMO_USERS) {
            AppUser.findByUsername(demo.username()).filter(user -> user.enabled).ifPresent(user -> {
                user.enabled = false;
                user.endSessions();
                SecurityEvent.record(SecurityEventType.USER_DISABLED, user.username, "system",
                        "demo data is off; demo accounts have a published password", now);
                disabled.add(user.username);
            });
        }
        if (!disabled.isEmpty()) {
            LOG.warnf("Demo data is off: disabled the demo users %s, whose password is published. An ADMIN can enable "
                    + "one again only after giving it a new password (POST /api/users/{username}/password).", disabled);
        }
        AppUser.findByUsername(adminName).filter(admin -> admin.enabled && admin.passwordMatches(DEMO_PASSWORD))
                .ifPresent(admin -> {
                    if (adminPassword.isEmpty()) {
                        String message = "Demo data is off, but the administrator '" + adminName + "' still has the "
                                + "published demo password. Set COMMUNITYDESK_ADMIN_PASSWORD (at least "
                                + PasswordPolicy.MIN_CHARACTERS + " characters) and start again: the administrator then "
                                + "takes that password.";
                        LOG.error(message);
                        throw new IllegalStateException(message);
                    }
                    admin.changePassword(adminPassword.get());
                    SecurityEvent.record(SecurityEventType.PASSWORD_RESET, adminName, "system",
                            "demo data is off; the demo password was replaced by COMMUNITYDESK_ADMIN_PASSWORD", now);
                    LOG.warnf("Demo data is off: the administrator '%s' had the published demo password and now has "
                            + "COMMUNITYDESK_ADMIN_PASSWORD.", adminName);
                });
    }

    private static void create(String username, String displayName, String password, Role role, String scopeCode,
            Instant now) {
        AppUser user = AppUser.create(username, displayName, password, role,
                role == Role.STAFF ? Area.findByCode(scopeCode).orElseThrow() : null,
                role == Role.SUPERVISOR ? Area.findByCode(scopeCode).orElseThrow() : null,
                role == Role.CONTRACTOR ? Organization.findByCode(scopeCode).orElseThrow() : null, now);
        user.persist();
        SecurityEvent.record(SecurityEventType.USER_CREATED, username, "system", "role " + role, now);
    }
}
