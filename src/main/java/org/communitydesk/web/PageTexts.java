package org.communitydesk.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Violation;

/**
 * Messages that pages build in Java (validation and refusals) in the page's language: a field is named
 * as the form labels it, and what is wrong with it comes from the bundle, never the validator's English
 * or a request path such as {@code location.communityCode}.
 */
@ApplicationScoped
public class PageTexts {

    /** The last part of a request field's path, to the bundle key of the label the forms show for it. */
    private static final Map<String, Function<PageMessages, String>> LABELS = Map.ofEntries(
            Map.entry("categoryCode", PageMessages::fieldCategory), Map.entry("category", PageMessages::fieldCategory),
            Map.entry("description", PageMessages::fieldDescription), Map.entry("name", PageMessages::fieldReporterName),
            Map.entry("phone", PageMessages::fieldReporterPhone), Map.entry("communityCode", PageMessages::fieldCommunity),
            Map.entry("siteCode", PageMessages::fieldSite), Map.entry("addressDetail", PageMessages::fieldAddressDetail),
            Map.entry("resolution", PageMessages::fieldResolution), Map.entry("rootCause", PageMessages::fieldRootCause),
            Map.entry("reason", PageMessages::fieldReason), Map.entry("text", PageMessages::fieldNote),
            Map.entry("note", PageMessages::fieldNote), Map.entry("rating", PageMessages::fieldRating),
Map.entry("comment", PageMessages::fieldComment),
            Map.entry("duplicateOf", PageMessages::fieldDuplicateOf),
            Map.entry("assignments", PageMessages::fieldOrganization),
            Map.entry("organizationCode", PageMessages::fieldOrganization),
            Map.entry("priority", PageMessages::fieldPriority), Map.entry("channel", PageMessages::fieldChannel),
            Map.entry("from", PageMessages::dashFrom), Map.entry("to", PageMessages::dashTo),
            Map.entry("streetOffice", PageMessages::fieldStreetOffice),
            Map.entry("community", PageMessages::fieldCommunity), Map.entry("status", PageMessages::fieldStatus),
            Map.entry("organization", PageMessages::fieldOrganization));

    @Inject
    CurrentVertxRequest currentRequest;

    /** The pages' labels in the language of the request being handled (Chinese outside a request). */
    public PageMessages bundle() {
        return bundle(PageMessages.class);
    }

    /** The forms' messages in the language of the request being handled. */
    public FormMessages forms() {
        return bundle(FormMessages.class);
    }

    /** The page's language (?lang=, cookie, Accept-Language), as the locale that timelines are rendered in. */
    public java.util.Locale locale() {
        return language().locale();
    }

    /** Any message bundle, in the language of the request being handled. */
    public <T> T bundle(Class<T> type) {
        Language language = language();
        return language == Language.DEFAULT ? MessageBundles.get(type)
                : MessageBundles.get(type, Localized.Literal.of(language.tag()));
    }

    private Language language() {
        return currentRequest.getCurrent() == null ? Language.DEFAULT : PageLanguage.of(currentRequest.getCurrent());
    }

    /** "Label: what is wrong" for each violation, in a stable order. */
    public String describe(Collection<? extends ConstraintViolation<?>> violations) {
        PageMessages labels = bundle();
        FormMessages msg = forms();
        return violations.stream().map(v -> {
            String field = lastNode(v.getPropertyPath().toString());
            var attributes = v.getConstraintDescriptor().getAttributes();
            String wrong = switch (v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
                case "NotNull", "NotBlank", "NotEmpty" -> msg.violationRequired();
                case "Size" -> field.equals("assignments") ? msg.violationRequired()
                        : msg.violationTooLong(((Number) attributes.get("max")).intValue());
                case "Min", "Max" -> msg.violationRange();
                default -> msg.violationInvalid();
            };
            return msg.violationLine(label(labels, msg, field), wrong);
        }).sorted(Comparator.naturalOrder()).distinct().collect(Collectors.joining(joiner(msg)));
    }

    /** Violations the services found (an unknown code, say): the field as labelled, said to be not valid. */
    public String describeFields(List<Violation> violations) {
        PageMessages labels = bundle();
        FormMessages msg = forms();
        return violations.stream().map(v -> msg.violationLine(label(labels, msg, lastNode(v.field())), msg.violationInvalid())).distinct().collect(Collectors.joining(joiner(msg)));
    }

    /** What a page says under its own heading for a refused filter or form: never the API's English detail. */
    public String problem(ProblemException problem) {
        if (problem instanceof InvalidRequestProblem invalid) {
            return describeFields(invalid.violations());
        }
        PageMessages msg = bundle();
        return problem.status() == 403 ? msg.flashForbidden() : msg.flashInvalid();
    }

    /** Chinese lists take the full-width semicolon. */
    private String joiner(FormMessages msg) {
        return bundle().htmlLang().startsWith("zh") ? "；" : "; ";
    }

    private static String label(PageMessages labels, FormMessages msg, String field) {
        if ("resolved".equals(field)) {
            return msg.fieldResolved();
        }
        var label = LABELS.get(field);
        return label == null ? msg.violationSomeField() : label.apply(labels);
    }

    private static String lastNode(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int index = last.indexOf('[');
        return index < 0 ? last : last.substring(0, index);
    }
}
