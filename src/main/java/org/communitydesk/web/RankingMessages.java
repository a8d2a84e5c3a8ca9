package org.communitydesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the dashboard's unit ranking (考核, issue 13) as {@code {ranking:key}}: {@code messages/ranking.properties}
 * (Chinese) and {@code ranking_en.properties}. A bundle of its own, as the page bundle's generated class is near the
 * size the JVM verifies.
 */
@MessageBundle(value = "ranking", locale = "zh")
public interface RankingMessages {

    @Message
    String rankTitle();

    @Message
    String rankScoreDefinition(String response, String resolution, String satisfaction);

    @Message
    String rankMissingRate();

    @Message
    String rankUnits();

    @Message
    String rankOrganizations();

    @Message
    String rankCommunities();

    @Message
    String rankScore();

    @Message
    String rankTickets();

    @Message
    String rankAccepted();

    @Message
    String rankReturns();

    @Message
    String rankExtensions();

    @Message
    String rankUrgings();

    @Message
    String rankReopenings();

    @Message
    String rankOnTimeOriginal();

    @Message
    String rankOnTimeApproved();

    @Message
    String rankOnTimeOriginalDefinition();

    @Message
    String rankOnTimeApprovedDefinition();

    @Message
    String rankDefinitions();

    @Message
    String rankStepsDefinition();

    @Message
    String rankExtensionsDefinition();

    @Message
    String rankReopeningsDefinition();

    @Message
    String rankExportCsv();

    @Message
    String rankScroll();
}
