package org.communitydesk.directory;

/** The three levels of the area tree. */
public enum AreaLevel {
    DISTRICT, STREET_OFFICE, COMMUNITY
}
