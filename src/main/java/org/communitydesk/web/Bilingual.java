package org.communitydesk.web;

/** A name kept in Chinese and English, shown in the page's language as {@code {name.label}}. */
public interface Bilingual {

    String zh();

    String en();
}
