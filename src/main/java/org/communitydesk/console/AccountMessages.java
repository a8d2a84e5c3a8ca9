package org.communitydesk.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.communitydesk.security.Role;

/**
 * The texts of the account pages (UserPagesResource), {@code {acct:key}} in templates: messages/acct.properties
 * (Chinese, the default) and acct_en.properties; MessageBundlesTest keeps their keys in step. A bundle of their
 * own keeps PageMessages' generated class within what the JVM verifies.
 */
@MessageBundle(value = "acct", locale = "zh")
public interface AccountMessages {

    @Message
    String role(Role role);

    @Message
    String passwordTitle();

    @Message
    String passwordCurrent();

    @Message
    String passwordNew();

    @Message
    String passwordRepeat();

    @Message
    String passwordRules();

    @Message
    String passwordSubmit();

    @Message
    String passwordSignInAgain();

    @Message
    String passwordMismatch();

    @Message
    String passwordCurrentWrong();

    @Message
    String passwordTooManyTries();

    @Message
    String passwordRefused();

    @Message
    String usersTitle();

    @Message
    String usersName();

    @Message
    String usersNameRules();

    @Message
    String usersDisplayName();

    @Message
    String usersRole();

    @Message
    String usersScope();

    @Message
    String usersState();

    @Message
    String usersFailures();

    @Message
    String usersActions();

    @Message
    String usersEnabledState();

    @Message
    String usersDisabledState();

    @Message
    String usersEnable();

    @Message
    String usersDisable();

    @Message
    String usersNewPassword();

    @Message
    String usersSetPassword();

    @Message
    String usersCreate();

    @Message
    String usersPassword();

    @Message
    String usersCommunity();

    @Message
    String usersStreetOffice();

    @Message
    String usersOrganization();

    @Message
    String usersCreateSubmit();

    @Message
    String usersCreated();

    @Message
    String usersEnabled();

    @Message
    String usersDisabled();

    @Message
    String usersPasswordSet();

    @Message
    String usersInvalid();

    @Message
    String usersNotFound();

    @Message
    String usersRefused();

    @Message
    String formExpired();

    // --- Why a password is refused (security.PasswordPolicy.Refusal) -------------------------------------
    @Message
    String passwordRefusalRequired();

    @Message
    String passwordRefusalTooShort(int characters);

    @Message
    String passwordRefusalTooLong(int bytes);

    @Message
    String passwordRefusalTooFewDistinct(int distinct);

    @Message
    String passwordRefusalUserName();

    @Message
    String passwordRefusalCommon();

    @Message
    String usersNameTaken();
}
