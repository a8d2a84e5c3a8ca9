package org.communitydesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.communitydesk.client.api.ResidentsApi;
import org.communitydesk.client.api.StatisticsApi;
import org.communitydesk.client.api.TicketsApi;
import org.communitydesk.client.model.AssignmentInput;
import org.communitydesk.client.model.AssignmentRole;
import org.communitydesk.client.model.Channel;
import org.communitydesk.client.model.CreateTicketRequest;
import org.communitydesk.client.model.DispatchRequest;
import org.communitydesk.client.model.EventType;
import org.communitydesk.client.model.LocationInput;
import org.communitydesk.client.model.Problem;
import org.communitydesk.client.model.PublicTicket;
import org.communitydesk.client.model.ReporterInput;
import org.communitydesk.client.model.ResolveRequest;
import org.communitydesk.client.model.StaleVersionProblem;
import org.communitydesk.client.model.StatsSummary;
import org.communitydesk.client.model.Ticket;
import org.communitydesk.client.model.TicketEvent;
import org.communitydesk.client.model.TicketStatus;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: an integrator generates a client from openapi/openapi.yaml and uses it unchanged. The client under
 * org.communitydesk.client is generated from the committed spec by the build (openapi-generator-maven-plugin,
 * Java, library native; see pom.xml), and here it drives the seed's 宏安小区 sewer story against the running
 * service: intake, dispatch with If-Match, start, resolve and close (start and close without a body), the
 * timeline, the statistics and the resident's lookup, and reads a 409 and a 412 as typed problems.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theSewerStoryThroughTheGeneratedClient() throws Exception {
        User staff = TestUsers.staff("genclient-staff", "beixinyuan");
        User crew = TestUsers.contractor("genclient-crew", "tongda-dredging");
        TicketsApi staffTickets = new TicketsApi(client(staff));
        TicketsApi crewTickets = new TicketsApi(client(crew));

        // 1. Intake: 201, Location and ETag, the access code once.
        ApiResponse<Ticket> created = staffTickets.createTicketWithHttpInfo(new CreateTicketRequest()
                .categoryCode("sewer-blockage")
                .description("宏安小区2号楼污水管道外溢（生成的客户端）")
                .channel(Channel.PHONE)
                .reporter(new ReporterInput().name("测试居民").phone("13900000000"))
                .location(new LocationInput().communityCode("beixinyuan").siteCode("hongan").addressDetail("2号楼")));
        assertThat(created.getStatusCode()).isEqualTo(201);
        Ticket ticket = created.getData();
        String code = ticket.getCode();
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.REPORTED);
        assertThat(ticket.getAccessCode()).isNotBlank();
        assertThat(ticket.getDispatchedAt()).isNull();
        assertThat(header(created, "location")).endsWith("/api/tickets/" + code);
        String etag = header(created, "etag");
        assertThat(etag).isEqualTo("\"0\"");

        // 2. Dispatch with If-Match.
        DispatchRequest dispatch = new DispatchRequest().assignments(List.of(
                new AssignmentInput().organizationCode("tongda-dredging").role(AssignmentRole.LEAD)));
        ApiResponse<Ticket> dispatched = staffTickets.dispatchTicketWithHttpInfo(code, dispatch, etag);
        assertThat(dispatched.getData().getStatus()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(dispatched.getData().getLeadOrganization().getCode()).isEqualTo("tongda-dredging");

        // A 412 for the stale ETag, read as a typed problem.
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> staffTickets.dispatchTicket(code, dispatch, etag));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        StaleVersionProblem staleProblem = json().readValue(stale.getResponseBody(), StaleVersionProblem.class);
        assertThat(staleProblem.getType()).isEqualTo("urn:communitydesk:problem:stale-version");
        assertThat(staleProblem.getStatus()).isEqualTo(412);
        assertThat(staleProblem.getCurrentVersion()).isEqualTo(dispatched.getData().getVersion());

        // 3. The crew starts, without a body.
        Ticket started = crewTickets.startTicket(code, null, null);
        assertThat(started.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);

        // A 409: closing what is not resolved, read as a typed problem.
        ApiException illegal = catchThrowableOfType(ApiException.class, () -> staffTickets.closeTicket(code, null, null));
        assertThat(illegal.getCode()).isEqualTo(409);
        Problem problem = json().readValue(illegal.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("urn:communitydesk:problem:illegal-transition");
        assertThat(problem.getCurrentStatus()).isEqualTo("IN_PROGRESS");
        assertThat(problem.getAttempted()).isEqualTo("close");
        assertThat(problem.getAllowedActions()).contains("resolve").doesNotContain("close");

        // 4. Resolved, then 5. closed by staff, without a body.
        Ticket resolved = crewTickets.resolveTicket(code, new ResolveRequest()
                .resolution("清理油块、沙石块，疏通堵塞点，彻底清理污水井").rootCause("家庭油污结块"), null);
        assertThat(resolved.getStatus()).isEqualTo(TicketStatus.RESOLVED);
        Ticket closed = staffTickets.closeTicket(code, "\"" + resolved.getVersion() + "\"", null);
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getClosedAt()).isNotNull();

        // The timeline, oldest first; what the system wrote in the language asked for (Chinese without one).
        List<TicketEvent> events = staffTickets.listTicketEvents(code, "en");
        assertThat(events).extracting(TicketEvent::getType).containsSubsequence(EventType.REPORTED,
                EventType.DISPATCHED, EventType.STARTED, EventType.RESOLVED, EventType.CLOSED);
        assertThat(events.get(0).getNote()).isEqualTo("Received: phone");
        assertThat(staffTickets.listTicketEvents(code, null).get(0).getNote()).isEqualTo("电话受理");

        // The statistics of the community, over the days around the ticket's report date (dates typed as dates).
        LocalDate reportedOn = ticket.getReportedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        StatsSummary summary = new StatisticsApi(client(staff)).getStatsSummary("beixinyuan", reportedOn.minusDays(1),
                null, reportedOn.plusDays(1));
        assertThat(summary.getPeriod().getFrom()).isEqualTo(reportedOn.minusDays(1));
        assertThat(summary.getPeriod().getTo()).isEqualTo(reportedOn.plusDays(1));
        assertThat(summary.getTimeToResolve().getCount()).isPositive();

        // The resident's lookup, without a login.
        PublicTicket status = new ResidentsApi(client(null)).getPublicTicketStatus(code, ticket.getAccessCode(), null);
        assertThat(status.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(status.getEvents()).isNotEmpty();
    }

    /** The generated client on the test instance, with HTTP Basic credentials when a user is given. */
    private ApiClient client(User user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString(
                    (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
            client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        }
        return client;
    }

    private static ObjectMapper json() {
        return new ApiClient().getObjectMapper();
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }
}
