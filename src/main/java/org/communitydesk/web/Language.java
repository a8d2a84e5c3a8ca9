package org.communitydesk.web;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the pages: Chinese first, English as the alternative. */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "yyyy年M月d日 HH:mm"),
    EN("en", Locale.ENGLISH, "d MMM yyyy, HH:mm");

    public static final Language DEFAULT = ZH;

    private final String tag;
    private final Locale locale;
    private final DateTimeFormatter dateTime;

    Language(String tag, Locale locale, String dateTimePattern) {
        this.tag = tag;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofPattern(dateTimePattern, locale);
    }

    /** The tag of ?lang= and of the language cookie, and the locale of the message bundle. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public DateTimeFormatter dateTime() {
        return dateTime;
    }

    /** The language a tag names ("en", "zh", "zh-CN", "EN-us"); empty for any other tag or none. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    /** The language of a locale a template was given; the default for any other. */
    public static Language of(Object locale) {
        String tag = locale instanceof Locale l ? l.toLanguageTag() : locale == null ? null : locale.toString();
        return fromTag(tag).orElse(DEFAULT);
    }

    /** The best of our languages for an Accept-Language header, by the client's weights; the default if none fits. */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        String best = Locale.lookupTag(ranges, Arrays.stream(values()).map(Language::tag).toList());
        return fromTag(best).orElse(DEFAULT);
    }
}
