package org.communitydesk.directory;

/** What an organization is to a community office. */
public enum OrganizationKind {
    AGENCY, CONTRACTOR, PROPERTY_MANAGER
}
