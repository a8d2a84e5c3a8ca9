-- Hosts whose Open311 media_url the service fetches into a photo, kept by ADMIN through
-- /api/open311/media-hosts (besides the hosts of the setting communitydesk.open311.media-hosts).
-- Read on every POST that names a media_url, so a change holds on every instance at once.
CREATE TABLE open311_media_host (
    host        VARCHAR(253) NOT NULL PRIMARY KEY,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by    VARCHAR(64)  NOT NULL
);
