package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.console.ConsoleSession;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.SignInAsAdmin;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A key the operator sets wins over the one in the database, for the cookie and for CSRF tokens alike. */
@QuarkusTest
@TestProfile(OperatorSessionKeyTest.OperatorKey.class)
class OperatorSessionKeyTest {

    static final String OPERATOR_KEY = "operator-chosen-key-3f9c2a71d0";

    public static class OperatorKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(SessionKeySource.PROPERTY, OPERATOR_KEY);
        }
    }

    @Test
    void theOperatorsKeyEncryptsTheCookieAndSignsTheForms() {
        assertThat(ConfigProvider.getConfig().getValue(SessionKeySource.PROPERTY, String.class)).isEqualTo(OPERATOR_KEY);

        String cookie = SessionCookies.signIn(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        assertThat(SessionCookies.userIn(cookie, OPERATOR_KEY)).isEqualTo(SignInAsAdmin.ADMIN);

        Response page = given().when().get("/console/intake");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(token.find()).isTrue();
        assertThat(token.group(1)).isEqualTo(
                SessionCookies.csrfToken(OPERATOR_KEY, SignInAsAdmin.ADMIN, page.cookie(ConsoleSession.COOKIE)));
    }
}
