package org.communitydesk.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The weights of the unit ranking's score (考核): how much each of the three hotline rates counts. Read and checked
 * at start (RankingService): none negative, their sum above 0. Only their proportions matter.
 */
@ConfigMapping(prefix = "communitydesk.ranking")
public interface RankingConfig {

    Weights weights();

    interface Weights {
        /** communitydesk.ranking.weights.response: the weight of the response rate. */
        @WithDefault("30")
        double response();

        /** communitydesk.ranking.weights.resolution: the weight of the resolution rate. */
        @WithDefault("35")
        double resolution();

        /** communitydesk.ranking.weights.satisfaction: the weight of the satisfaction rate. */
        @WithDefault("35")
        double satisfaction();
    }
}
