package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.communitydesk.ticket.TicketStatus;

/**
 * Every label of the pages, used in templates as {@code {msg:key}}. The texts live in
 * {@code messages/msg.properties} (Chinese, the default: the build fails when a key is missing
 * there) and {@code messages/msg_en.properties} (English: MessageBundlesTest fails when its keys
 * differ). A key is the method's name: {@code statusTitle()} is {@code statusTitle} in the files and
 * {@code {msg:statusTitle}} in templates.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface PageMessages {

    // --- Every page (layout.html) ----------------------------------------------------------------
    /** The value of {@code <html lang>}, and which language the switch marks as current. */
    @Message
    String htmlLang();

    @Message
    String appName();

    @Message
    String languageSwitch();

    @Message
    String langZh();

    @Message
    String langEn();

    @Message
    String footer();

    @Message
    String notYet();

    // --- Names of enum constants: keys are ticketStatus_$IN_PROGRESS, ... (event types are in the timeline bundle) -------------
    @Message
    String ticketStatus(TicketStatus status);


    // --- The residents' status page (resident.StatusPageResource) -------------------------------------
    @Message
    String statusTitle();

    @Message
    String statusIntro();

    @Message
    String statusCode();

    @Message
    String statusCodeHint();

    @Message
    String statusAccessCode();

    @Message
    String statusAccessCodeHint();

    @Message
    String statusSubmit();

    @Message
    String statusMissingInput();

    @Message
    String statusNotFound();

    @Message
    String statusNotFoundHint();

    @Message
    String statusTooMany(long seconds);

    @Message
    String statusTicketTitle(String code);

    @Message
    String statusCurrent();

    @Message
    String statusCategory();

    @Message
    String statusCommunity();

    @Message
    String statusSite();

    @Message
    String statusLead();

    @Message
    String statusReportedAt();

    @Message
    String statusDispatchedAt();

    @Message
    String statusResolvedAt();

    @Message
    String statusClosedAt();

    @Message
    String statusDueAt();

    @Message
    String statusTimeline();

    @Message
    String statusNoEvents();

    @Message
    String statusAnother();

    @Message
    String statusTextMessagesOn();

    @Message
    String statusStopAccessCode();

    @Message
    String statusStopMessages();

    // --- The staff console (console.*) -------------------------------------------------------------------
    @Message
    String navLabel();

    @Message
    String navQueue();

    @Message
    String navIntake();

    @Message
    String navDashboard();

    @Message
    String navSignOut();

    @Message
    String loginTitle();

    @Message
    String loginFailed();

    @Message
    String loginTooMany(long minutes);

    @Message
    String loginUsername();

    @Message
    String loginPassword();

    @Message
    String loginSubmit();

    @Message
    String loginResidents();

    @Message
    String queueTitle();

    @Message
    String queueBadFilter();

    @Message
    String queueByStatus();

    @Message
    String queueAll();

    @Message
    String queueOverdueOnly();

    @Message
    String queueText();

    @Message
    String queueTextHint();

    @Message
    String queueFilter();

    @Message
    String queueEmpty();

    @Message
    String queueCaller();

    @Message
    String jumpToActions();

    /** Shown without script; the script replaces it by intakeDescriptionCount. */
    @Message
    String intakeDescriptionLimit();

    /** %n: characters typed, %max: the limit (filled in by /js/intake.js). */
    @Message
    String intakeDescriptionCount();

    @Message
    String loginAccountLocked(String until);

    @Message
    String fieldCrewMayCall();

    @Message
    String crewMayCallBadge();

    @Message
    String crewContactTitle();

    @Message
    String crewContactCaller();

    @Message
    String crewContactOffice(String office);

    @Message
    String queueCallerHint();

    @Message
    String queueCallerRefused();

    @Message
    String queueExport();

    @Message
    String queuePages();

    @Message
    String queuePrevious();

    @Message
    String queueNext();

    @Message
    String fieldCategory();

    @Message
    String fieldCommunity();

    @Message
    String fieldOrganization();

    @Message
    String fieldCode();

    @Message
    String fieldStatus();

    @Message
    String fieldPlace();

    @Message
    String fieldReportedAt();

    @Message
    String fieldDueAt();

    @Message
    String fieldLead();

    @Message
    String fieldAccessCode();

    @Message
    String fieldPriority();

    @Message
    String fieldChannel();

    @Message
    String fieldDescription();

    @Message
    String fieldReporter();

    @Message
    String fieldDispatchDueAt();

    @Message
    String fieldDispatchedAt();

    @Message
    String fieldStartedAt();

    @Message
    String fieldResolvedAt();

    @Message
    String fieldClosedAt();

    @Message
    String fieldCancelledAt();

    @Message
    String fieldResolution();

    @Message
    String fieldRootCause();

    @Message
    String fieldReports();

    @Message
    String fieldReopened();

    @Message
    String fieldFeedbackDeadline();

    @Message
    String fieldNote();

    @Message
    String fieldRating();

    @Message
    String fieldComment();

    @Message
    String fieldReason();

    @Message
    String fieldDuplicateOf();

    @Message
    String fieldReporterName();

    @Message
    String fieldReporterPhone();

    @Message
    String fieldNotifyResident();

    @Message
    String fieldSite();

    @Message
    String fieldAddressDetail();

    @Message
    String fieldOrganizationCode();

    @Message
    String any();

    @Message
    String overdue();

    @Message
    String readToCaller();

    @Message
    String accessCodeOnce();

    @Message
    String possibleDuplicates();

    @Message
    String assignments();

    @Message
    String actions();

    @Message
    String assign();

    @Message
    String lead();

    @Message
    String timeline();

    @Message
    String internal();

    @Message
    String notePublic();

    @Message
    String resolvedYes();

    @Message
    String resolvedNo();

    @Message
    String choose();

    @Message
    String noSite();

    @Message
    String addressDetailHint();

    @Message
    String priorityDefault();

    @Message
    String actionReassign();

    @Message
    String actionDispatch();

    @Message
    String actionStart();

    @Message
    String actionResolve();

    @Message
    String actionClose();

    @Message
    String actionFeedback();

    @Message
    String actionReopen();

    @Message
    String actionCancel();

    @Message
    String actionNote();

    @Message
    String actionAccessCode();

    @Message
    String ticketMissingTitle();

    @Message
    String intakeTitle();

    @Message
    String intakeDuplicates();

    @Message
    String intakeDuplicatesHint();

    @Message
    String intakeSaveAnyway();

    @Message
    String intakeSave();

    @Message
    String flashIllegal();

    @Message
    String flashStale();

    @Message
    String flashInvalid();

    @Message
    String flashForbidden();

    @Message
    String flashNotFound();

    @Message
    String flashFeedbackRefused();

    @Message
    String flashFailed();

    @Message
    String flashFormExpired();

    @Message
    String flashNoLead();

    @Message
    String flashDispatched();

    @Message
    String flashStarted();

    @Message
    String flashResolved();

    @Message
    String flashClosed();

    @Message
    String flashCancelled();

    @Message
    String flashReopened();

    @Message
    String flashNoted();

    @Message
    String flashFeedback();

    @Message
    String flashAccessCode();

    @Message
    String flashAccessBlocksLifted();

    @Message
    String accessBlocksTitle();

    @Message
    String accessBlocksClients();

    @Message
    String accessBlockClient(String address, int failures, String until);

    @Message
    String accessBlocksAll(String until);

    @Message
    String actionLiftAccessBlocks();

    @Message
    String flashCreated();

    @Message
    String flashReportAdded();

    @Message
    String queuePageOf(int page, int pages, long total);

    @Message
    String queuePageOfMany(int page, int pages, int cap);

    @Message
    String queueMoreThan(int cap);

    @Message
    String ticketMissing(String code);

    @Message
    String intakeAddTo(String code);

    @Message
    String priority(org.communitydesk.directory.Priority value);

    @Message
    String channel(org.communitydesk.ticket.Channel value);

    @Message
    String assignmentRole(org.communitydesk.ticket.AssignmentRole value);

    @Message
    String cancelReason(org.communitydesk.ticket.CancelReason value);

    // --- The supervisors' dashboard (dashboard.DashboardResource) ----------------------------------------
    @Message
    String dashTitle();

    @Message
    String dashBadFilter();

    @Message
    String dashFrom();

    @Message
    String dashTo();

    @Message
    String dashShow();

    @Message
    String dashExport();

    @Message
    String dashPeriod(java.time.LocalDate from, java.time.LocalDate to, String zone);

    @Message
    String dashHeadline();

    @Message
    String dashReported();

    @Message
    String dashBacklog();

    @Message
    String dashOverdueNow();

    @Message
    String dashWithinSla();

    @Message
    String dashWithinSlaDefinition();

    @Message
    String dashRates();

    @Message
    String dashResponseRate();

    @Message
    String dashResponseRateDefinition();

    @Message
    String dashResolutionRate();

    @Message
    String dashResolutionRateDefinition();

    @Message
    String dashSatisfactionRate();

    @Message
    String dashSatisfactionRateDefinition();

    @Message
    String dashBacklogTitle();

    @Message
    String dashByStatus();

    @Message
    String dashTotal();

    @Message
    String dashAging();

    @Message
    String dashAgeUnderOneDay();

    @Message
    String dashAgeOneToThree();

    @Message
    String dashAgeThreeToSeven();

    @Message
    String dashAgeOverSeven();

    @Message
    String dashTrendTitle();

    @Message
    String dashTrendReported();

    @Message
    String dashTrendResolved();

    @Message
    String dashTrendWeekOf();

    @Message
    String dashTimes();

    @Message
    String dashTimeToDispatch();

    @Message
    String dashTimeToResolve();

    @Message
    String dashMedian();

    @Message
    String dashP90();

    @Message
    String dashAllCategories();

    @Message
    String dashCommunities();

    @Message
    String dashNone();

    @Message
    String dashRank();

    @Message
    String dashMedianToResolve();

    @Message
    String dashOrganizations();

    @Message
    String dashHandled();

    @Message
    String dashReopened();

    @Message
    String dashOverdue();

    @Message
    String dashOverdueTitle();

    @Message
    String dashNoOverdue();

    @Message
    String dashAllOverdue(long count);

    @Message
    String dashHotspots();

    @Message
    String dashHotspotsDefinition();

    @Message
    String dashTickets();

    @Message
    String dashLastReported();

    @Message
    String fieldStreetOffice();

    @Message
    String queueNarrowed();

    @Message
    String queueWiden();

    // --- Error pages (web.ErrorPage) ---

    @Message
    String errorPage400Title();

    @Message
    String errorPage400Text();

    @Message
    String errorPage403Title();

    @Message
    String errorPage403Text();

    @Message
    String errorPage404Title();

    @Message
    String errorPage404Text();

    @Message
    String errorPage405Title();

    @Message
    String errorPage405Text();

    @Message
    String errorPage409Title();

    @Message
    String errorPage409Text();

    @Message
    String errorPage413Title();

    @Message
    String errorPage413Text();

    @Message
    String errorPage415Title();

    @Message
    String errorPage415Text();

    @Message
    String errorPage429Title();

    @Message
    String errorPage429Text();

    @Message
    String errorPage500Title();

    @Message
    String errorPage500Text();

    @Message
    String errorPageOtherTitle();

    @Message
    String errorPageOtherText();

    @Message
    String errorPageErrorId();

    @Message
    String errorPageHome();

    // --- Accounts on pages: the links and the sign-in page's notice (the pages' own texts: console.AccountMessages)
    @Message
    String navPassword();

    @Message
    String navUsers();

    @Message
    String loginPasswordChanged();

    @Message
    String flashNotConfirmed();
}
