package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.LogSafe;
import org.communitydesk.common.PublicLocations;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.ServiceAttribute;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.open311.GeoReportViews.Attribute;
import org.communitydesk.open311.GeoReportViews.AttributeValue;
import org.communitydesk.open311.GeoReportViews.CreatedRequest;
import org.communitydesk.open311.GeoReportViews.Discovery;
import org.communitydesk.open311.GeoReportViews.Endpoint;
import org.communitydesk.open311.GeoReportViews.Service;
import org.communitydesk.open311.GeoReportViews.ServiceDefinition;
import org.communitydesk.open311.Locations.Place;
import org.communitydesk.photo.PhotoIntake;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.Channel;
import org.communitydesk.ticket.TicketRequests.CreateTicketRequest;
import org.communitydesk.ticket.TicketRequests.LocationInput;
import org.communitydesk.ticket.TicketRequests.ReporterInput;
import org.communitydesk.ticket.TicketAttribute;
import org.communitydesk.ticket.TicketScope;
import org.communitydesk.ticket.TicketService;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.communitydesk.ticket.Visibility;
import org.jboss.logging.Logger;

/** The Open311 GeoReport v2 service list, discovery, and new requests from applications with a key. */
@ApplicationScoped
@Transactional
public class GeoReportService {

    private static final Logger LOG = Logger.getLogger(GeoReportService.class);

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /**
     * When the service list last changed. Categories change only with a migration (V6 gave them
     * groups, V18 attributes); move this date when one changes them, so that clients refresh their cached list.
     */
    static final Instant SERVICES_CHANGED = Instant.parse("2026-12-02T00:00:00Z");
    /** Actor role on the events of tickets that came in through Open311. */
    static final String ACTOR_ROLE = "OPEN311";
    /** The reporter's name when the application sends none (the ticket needs one). */
    static final String ANONYMOUS_REPORTER = "Open311 居民";
    private static final int MAX_DESCRIPTION = 4000;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    /** Where the intake's fields come from in the form. */
    private static final Map<String, String> FORM_FIELDS = Map.of("description", "description",
            "reporter.name", "first_name", "reporter.phone", "phone", "location.addressDetail", "address_string",
            "location.latitude", "lat", "location.longitude", "long");

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    @Inject
    PhotoIntake photos;

    @Inject
    ApiKeys keys;

    @Inject
    TicketService tickets;

    @Inject
    Validator validator;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Discovery discovery(URI endpointFromRequest) {
        // Never the request's Host when the operator said where the service lives (issue 20, point 8).
        String url = config.open311().endpointUrl().orElseGet(() -> config.publicBaseUrl()
                .map(base -> PublicLocations.onBase(base, URI.create("/open311/v2")).toString())
                .orElse(endpointFromRequest.toString()));
        String changeset = W3cDateTimes.format(SERVICES_CHANGED, zone());
        return new Discovery(changeset, config.open311().contact(), config.open311().keyService(),
                List.of(new Endpoint(SPECIFICATION, url, changeset, "production", List.of("text/xml", "application/json"))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Service> services() {
        Set<Long> asking = ServiceAttribute.<ServiceAttribute>listAll().stream().map(a -> a.category.id)
                .collect(Collectors.toSet());
        return ServiceCategory.<ServiceCategory>listAll().stream().sorted(Comparator.comparing(c -> c.id))
                .map(c -> service(c, asking.contains(c.id))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceDefinition definition(String serviceCode) {
        ServiceCategory category = ServiceCategory.findByCode(serviceCode)
                .orElseThrow(() -> new NotFoundProblem("service", serviceCode));
        return new ServiceDefinition(category.code, ServiceAttribute.of(category).stream()
                .map(GeoReportService::attribute).toList());
    }

    private static Attribute attribute(ServiceAttribute a) {
        return new Attribute(true, a.code, a.datatype, a.required, a.datatypeDescription, a.position,
                a.descriptionZh + " " + a.descriptionEn,
                a.values.stream().map(v -> new AttributeValue(v.key, v.nameZh + " / " + v.nameEn)).toList());
    }

    /**
     * The answers to the service's questions, checked: each required one answered, list answers among
     * the allowed keys. Blank answers count as not given (the spec's optional arguments); answers to
     * questions the service does not ask are left out, as clients may send their own.
     */
    private static List<TicketAttribute.Answer> answers(ServiceCategory category, Map<String, List<String>> sent) {
        List<TicketAttribute.Answer> answers = new ArrayList<>();
        for (ServiceAttribute question : ServiceAttribute.of(category)) {
            List<String> given = sent.getOrDefault(question.code, List.of()).stream()
                    .map(GeoReportService::text).filter(Objects::nonNull).distinct().toList();
            String field = "attribute[" + question.code + "]";
            question.problemWith(given).ifPresent(problem -> {
                throw new InvalidRequestProblem(field, field + " " + problem + ".");
            });
            String label = question.descriptionZh + " " + question.descriptionEn;
            for (String answer : given) {
                String name = question.value(answer).map(v -> v.nameZh + " / " + v.nameEn).orElse(null);
                answers.add(new TicketAttribute.Answer(question.code, label, answer, name));
            }
        }
        return answers;
    }

    /**
     * A new ticket on channel OPEN311, logged in the name of the key ({@code open311:<prefix>}) with
     * district-wide scope: the key, not a user, vouches for the request.
     */
    public CreatedRequest create(ServiceRequestForm form) {
        return create(form, List.of(), false);
    }

    /** Whether the POST names an active key: media is fetched and stored only for one (create() says why not). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasActiveKey(String plainKey) {
        return plainKey != null && !plainKey.isBlank()
                && ApiKey.findByPlainKey(plainKey).map(ApiKey::isActive).orElse(false);
    }

    /**
     * Creates the ticket with its photos, already checked and stored ({@link PhotoIntake#prepare}); when
     * {@code mediaUrlStored}, media_url was fetched into the photo and is not repeated in the description.
     */
    public CreatedRequest create(ServiceRequestForm form, List<PhotoIntake.Prepared> media, boolean mediaUrlStored) {
        Instant now = clock.instant();
        ApiKey key = keys.authenticate(form.apiKey, now);
        String serviceCode = text(form.serviceCode);
        if (serviceCode == null) {
            throw new InvalidRequestProblem("service_code", "service_code was not provided; see services.json.");
        }
        ServiceCategory category = ServiceCategory.findByCode(serviceCode)
                .orElseThrow(() -> new InvalidRequestProblem("service_code",
                        "No service with service_code '" + serviceCode + "'; see services.json."));
        Double latitude = coordinate("lat", form.latitude, 90);
        Double longitude = coordinate("long", form.longitude, 180);
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidRequestProblem(latitude == null ? "lat" : "long", "lat and long must be sent together.");
        }
        Datum datum = datum(form.coordType);
        if (latitude != null && datum != Datum.WGS84) {
            Datum.Position wgs84 = datum.toWgs84(latitude, longitude);
            latitude = wgs84.latitude();
            longitude = wgs84.longitude();
        }
        String addressString = text(form.addressString);
        if (addressString != null && addressString.length() > 200) {
            throw new InvalidRequestProblem("address_string", "address_string must be at most 200 characters.");
        }
        Place place = Locations.resolve(text(form.addressId), latitude, longitude, addressString);
        var request = new CreateTicketRequest(category.code, description(form, category, mediaUrlStored), Channel.OPEN311, null,
                new ReporterInput(reporterName(text(form.firstName), text(form.lastName)), text(form.phone)),
                new LocationInput(place.community().code, place.site() == null ? null : place.site().code,
                        Locations.detail(addressString, place), latitude, longitude));
        requireValid(request);
        List<TicketAttribute.Answer> answers = answers(category, form.attributes);
        Caller caller = new Caller(new Actor("open311:" + key.prefix, ACTOR_ROLE), Set.of(), TicketScope.ALL);
        TicketView ticket = tickets.create(request, answers, caller);
        photos.attach(ticket.code(), media, Visibility.valueOf(config.open311().mediaVisibility()), caller.actor(), now);
        LOG.infof("Open311 request %s created with key %s (%s)", ticket.code(), key.prefix, LogSafe.of(key.holder()));
        String expected = W3cDateTimes.format(ticket.dueAt(), zone());
        String notice = "已受理：" + category.nameZh + "，" + place.community().nameZh + "。按服务标准预计 " + expected
                + " 前处理完毕。Received: " + category.nameEn + ", " + place.community().nameEn
                + "; expected to be resolved by " + expected + ".";
        return new CreatedRequest(ticket.code(), notice, null, key.revealsAccessCode ? ticket.accessCode() : null);
    }

    private static Service service(ServiceCategory category, boolean metadata) {
        String keywords = Stream.of(category.nameZh, category.nameEn, category.groupZh, category.groupEn)
                .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new)).stream()
                .collect(Collectors.joining(", "));
        return new Service(category.code, category.nameZh, category.nameEn, metadata, "realtime", keywords,
                category.groupZh);
    }

    /** The text, with the media URL (if any) on a line of its own; the service's name when none was sent. */
    private static String description(ServiceRequestForm form, ServiceCategory category, boolean mediaUrlStored) {
        String description = text(form.description);
        String mediaUrl = mediaUrlStored ? null : text(form.mediaUrl);
        if (mediaUrl != null && (mediaUrl.length() > 500 || !mediaUrl.matches("(?i)^https?://\\S+$"))) {
            throw new InvalidRequestProblem("media_url", "media_url must be an http or https URL of at most 500 characters.");
        }
        String text = (description == null ? category.nameZh + "（Open311 未附说明）" : description)
                + (mediaUrl == null ? "" : "\n媒体 / media: " + mediaUrl);
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidRequestProblem("description", "description must be at most 4000 characters"
                    + (mediaUrl == null ? "." : ", with the media URL."));
        }
        return text;
    }

    /**
     * The intake's own constraints (name and address lengths, the phone pattern, 4000 characters of
     * description), named as the form's fields, so that TicketService gets only what the staff API lets through.
     */
    private void requireValid(CreateTicketRequest request) {
        validator.validate(request).stream()
                .min(Comparator.comparing((ConstraintViolation<CreateTicketRequest> v) -> v.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    String path = violation.getPropertyPath().toString();
                    String field = FORM_FIELDS.getOrDefault(path, path);
                    throw new InvalidRequestProblem(field, field + " " + violation.getMessage() + ".");
                });
    }

    /** 王 + 芳 is 王芳 (family name first, no space); John + Smith is John Smith. */
    static String reporterName(String firstName, String lastName) {
        if (firstName == null || lastName == null) {
            return firstName != null ? firstName : lastName != null ? lastName : ANONYMOUS_REPORTER;
        }
        return HAN.matcher(firstName).matches() && HAN.matcher(lastName).matches()
                ? lastName + firstName
                : firstName + " " + lastName;
    }

    private static Datum datum(String coordType) {
        String text = text(coordType);
        if (text == null) {
            return Datum.WGS84;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "wgs84" -> Datum.WGS84;
            case "gcj02" -> Datum.GCJ02;
            case "bd09" -> Datum.BD09;
            default -> throw new InvalidRequestProblem("coord_type", "coord_type must be wgs84 (the default), gcj02 or bd09.");
        };
    }

    private static Double coordinate(String field, String value, double limit) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(text);
            if (!Double.isFinite(parsed) || Math.abs(parsed) > limit) {
                throw new InvalidRequestProblem(field, field + " must be between -" + (int) limit + " and " + (int) limit + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestProblem(field, field + " must be a number of degrees, such as 40.0912.");
        }
    }

    /** An optional argument: empty is the same as not sent. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ZoneId zone() {
        return ZoneId.of(config.zone());
    }
}
