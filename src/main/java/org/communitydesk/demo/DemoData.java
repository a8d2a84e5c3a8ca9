package org.communitydesk.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.communitydesk.calendar.WorkingCalendar;
import org.communitydesk.common.AppConfig;
import org.communitydesk.common.OneTimeWork;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.Priority;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.AssignmentRole;
import org.communitydesk.ticket.CancelReason;
import org.communitydesk.ticket.Channel;
import org.communitydesk.ticket.Reporter;
import org.communitydesk.ticket.ReturnReason;
import org.communitydesk.security.AccountBootstrap;
import org.communitydesk.ticket.DemoTickets;
import org.communitydesk.ticket.PauseReason;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketEvents;
import org.communitydesk.ticket.Ticket.AssignmentOrder;
import org.communitydesk.ticket.TicketCodes;
import org.communitydesk.ticket.Visibility;
import org.jboss.logging.Logger;

/**
 * The seed's stories (大同日报, 平城区 and 云冈区) as tickets, so that a first run shows real work
 * in every state. Loaded at start-up when {@code communitydesk.demo.enabled} is on and the
 * database has no tickets yet; a database with real tickets is never touched. The tickets are
 * built through the aggregate's own methods, with times in the past, so they obey every rule
 * that tickets made through the API obey.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    // The demo users of security.AccountBootstrap, so that timelines name people one can sign in as.
    private static final Actor BEIXINYUAN_STAFF = new Actor("beixinyuan.staff", "STAFF");
    private static final Actor ZHENXINGJIE_STAFF = new Actor("zhenxingjie.staff", "STAFF");
    private static final Actor HUAIYUAN_STAFF = new Actor("huaiyuan.staff", "STAFF");
    private static final Actor YINGBIN_SUPERVISOR = new Actor("yingbin.supervisor", "SUPERVISOR");
    private static final Actor XIHUAYUAN_SUPERVISOR = new Actor("xihuayuan.supervisor", "SUPERVISOR");
    private static final Actor TONGDA_CREW = new Actor("tongda.crew", "CONTRACTOR");
    private static final Actor SEWAGE_CREW = new Actor("sewage.crew", "CONTRACTOR");
    private static final Actor SANITATION_CREW = new Actor("sanitation.crew", "CONTRACTOR");
    private static final Actor ADMIN = new Actor("admin", "ADMIN");
    private static final Actor ZHONGRUI_CREW = new Actor("zhongrui.crew", "CONTRACTOR");

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    @Inject
    TicketCodes codes;

    @Inject
    WorkingCalendar workingCalendar;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled()) {
            load();
        }
    }

    @Inject
    OneTimeWork oneTimeWork;

    /** Loads the demo tickets into a database without tickets; instances starting together load them once. */
    public void load() {
        // Made-up history notifies nobody: no text to the made-up callers, no robot message to real crews.
        oneTimeWork.run("demo-data", () -> TicketEvents.quietly(() -> {
            loadIntoEmptyDatabase();
            return null;
        }));
    }

    private void loadIntoEmptyDatabase() {
        long real = DemoTickets.countReal();
        if (real > 0) {
            // AccountBootstrap refuses such a start earlier; this guards a direct call too.
            throw new IllegalStateException(AccountBootstrap.realTicketsMessage(real));
        }
        if (Ticket.count() > 0) {
            LOG.info("Demo data is switched on and the demo tickets are already loaded; none were added.");
            return;
        }
        ZoneId zone = ZoneId.of(config.zone());
        // Day 0 is today, or yesterday before 10:00, so that every demo time lies in the past.
        LocalDate today = LocalDate.ofInstant(clock.instant().minusSeconds(10 * 3600), zone);
        Times t = (daysAgo, hour, minute) -> today.minusDays(daysAgo).atTime(LocalTime.of(hour, minute))
                .atZone(zone).toInstant();

        hongAnSewerBlockage(t);
        jianzhuOverflows(t);
        huaiyuanNorth(t);
        openWork(t);
        LOG.infof("Demo data loaded: %d tickets from the Datong seed stories.", Ticket.count());
    }

    /** 北馨园社区: a resident of 宏安小区 2号楼 calls; the dredging team finds grease build-up and clears it. */
    private void hongAnSewerBlockage(Times t) {
        Instant reported = t.at(3, 9, 10);
        Ticket ticket = report(BEIXINYUAN_STAFF, reported, "sewer-blockage", null, Channel.PHONE,
                "宏安小区2号楼污水管道外溢，居民希望社区尽快帮助解决。", "王女士", "13903520001", "beixinyuan", "hongan", "2号楼");
        ticket.addNote("工作人员已到现场与居民沟通，确认堵塞外溢情况。", Visibility.INTERNAL, BEIXINYUAN_STAFF, reported.plusSeconds(25 * 60));
        dispatchWithTarget(ticket, List.of(order("tongda-dredging", AssignmentRole.LEAD)), BEIXINYUAN_STAFF,
                reported.plusSeconds(40 * 60));
        accept(ticket, "tongda-dredging", TONGDA_CREW, reported.plusSeconds(52 * 60));
        ticket.start(TONGDA_CREW, reported.plusSeconds(90 * 60));
        ticket.addNote("逐一打开污水井，检查管道具体堵塞点位。", Visibility.PUBLIC, TONGDA_CREW, reported.plusSeconds(100 * 60));
        ticket.resolve("清理管道内污水、油块、沙石块，用疏通管疏通堵塞点，彻底清理污水井。", "家庭油污结块（无物业老旧小区，管网陈旧）",
                TONGDA_CREW, reported.plusSeconds(4 * 3600));
        ticket.close(BEIXINYUAN_STAFF, t.at(2, 10, 0));

        // Two days later the flat below 2号楼1单元 gets water through its ceiling; the riser can only be checked from
        // the flat above, whose owner is away: the clock is paused while the office waits for them (挂起).
        Instant leak = t.at(2, 15, 0);
        Ticket flat = report(BEIXINYUAN_STAFF, leak, "sewer-blockage", null, Channel.PHONE,
                "宏安小区2号楼1单元楼上下水返水，101室顶棚渗水。", "何女士", "13903520012", "beixinyuan", "hongan", "2号楼1单元101室");
        dispatchWithTarget(flat, List.of(order("tongda-dredging", AssignmentRole.LEAD)), BEIXINYUAN_STAFF,
                leak.plusSeconds(30 * 60));
        accept(flat, "tongda-dredging", TONGDA_CREW, leak.plusSeconds(45 * 60));
        flat.addNote("两次上门，201室无人，无法入户检查立管。", Visibility.INTERNAL, TONGDA_CREW, t.at(1, 10, 0));
        flat.pause(PauseReason.WAITING_FOR_RESIDENT, "201室住户在外地，社区已电话联系，约定周六回来开门。", BEIXINYUAN_STAFF,
                t.at(1, 10, 30));
    }

    /** 振兴街社区: 建筑三公司家属院 has no property manager and its sewage well keeps overflowing. */
    private void jianzhuOverflows(Times t) {
        Instant first = t.at(41, 8, 30);
        Ticket earlier = report(ZHENXINGJIE_STAFF, first, "sewage-overflow", null, Channel.PHONE,
                "建筑三公司家属院东侧污水井外溢。", "刘先生", "13903520002", "zhenxingjie", "jianzhu-no3", "东侧居民楼");
        earlier.dispatch(List.of(order("pingcheng-sanitation", AssignmentRole.LEAD)), ZHENXINGJIE_STAFF, first.plusSeconds(3600));
        earlier.start(SANITATION_CREW, first.plusSeconds(3 * 3600));
        earlier.resolve("临时清掏污水井。", "住改商下水管道无人清理", SANITATION_CREW, first.plusSeconds(8 * 3600));
        earlier.close(ZHENXINGJIE_STAFF, t.at(40, 9, 0));

        Instant second = t.at(16, 19, 5);
        Ticket again = report(ZHENXINGJIE_STAFF, second, "sewage-overflow", null, Channel.HOTLINE_12345,
                "建筑三公司家属院污水井又一次外溢，污水流到路面。", "赵女士", "13903520003", "zhenxingjie", "jianzhu-no3", "小区东侧");
        again.dispatch(List.of(order("pingcheng-sanitation", AssignmentRole.LEAD)), ZHENXINGJIE_STAFF, second.plusSeconds(2 * 3600));
        again.start(SANITATION_CREW, second.plusSeconds(14 * 3600));
        again.resolve("清掏污水井，外围商铺协商清理。", "住改商下水管道无人清理", SANITATION_CREW, second.plusSeconds(20 * 3600));
        again.close(ZHENXINGJIE_STAFF, t.at(14, 9, 0));

        Instant reported = t.at(2, 7, 45);
        Ticket ticket = report(ZHENXINGJIE_STAFF, reported, "sewage-overflow", Priority.URGENT, Channel.PHONE,
                "建筑三公司家属院附近污水井再次外溢，小区东侧居民楼及住改商下水管道无人清理。", "孙先生", "13903520004",
                "zhenxingjie", "jianzhu-no3", "小区东侧污水井");
        ticket.addReport(new Reporter("周女士", "13903520005"), Channel.PHONE, "同一处污水井，气味很大。", ZHENXINGJIE_STAFF,
                reported.plusSeconds(20 * 60));
        dispatchWithTarget(ticket, List.of(order("datong-sewage", AssignmentRole.LEAD),
                order("pingcheng-sanitation", AssignmentRole.SUPPORT),
                order("yingbin-enforcement", AssignmentRole.SUPPORT)), YINGBIN_SUPERVISOR, reported.plusSeconds(50 * 60));
        accept(ticket, "datong-sewage", SEWAGE_CREW, reported.plusSeconds(62 * 60));
        // The sanitation centre accepts late: past its 30-minute target.
        accept(ticket, "pingcheng-sanitation", SANITATION_CREW, reported.plusSeconds(2 * 3600 + 5 * 60));
        ticket.addNote("迎宾街道党工委协调：市政排污所、环卫服务中心、街道综合行政执法队联合清理。", Visibility.INTERNAL,
                YINGBIN_SUPERVISOR, reported.plusSeconds(55 * 60));
        ticket.start(SEWAGE_CREW, reported.plusSeconds(2 * 3600));
        // 延期申请, approved: a broken pipe section must be replaced, and the part comes from the depot.
        ticket.requestExtension(Organization.findByCode("datong-sewage").orElseThrow(), ticket.dueAt.plusSeconds(12 * 3600),
                "现场发现一段管道破损需更换，管材需从仓库调运，申请延长12小时。", SEWAGE_CREW, reported.plusSeconds(2 * 3600 + 40 * 60),
                zone());
        ticket.approveExtension("同意延期，请抓紧调运管材。", YINGBIN_SUPERVISOR, reported.plusSeconds(3 * 3600), zone());
        ticket.resolve("经过4个多小时清掏，疏通7口污水井及百余米堵塞管道，污水外溢现象有效解决。",
                "东侧居民楼及住改商下水管道长期无人清理", SEWAGE_CREW, reported.plusSeconds(6 * 3600 + 20 * 60));
    }

    /** 西花园街道: 槐园北区's property manager stopped the lift; a mediation meeting settles the dispute. */
    private void huaiyuanNorth(Times t) {
        Instant liftReported = t.at(1, 8, 0);
        Ticket lift = report(HUAIYUAN_STAFF, liftReported, "lift-outage", null, Channel.WALK_IN,
                "槐园北区物业临时停用电梯，老人上下楼困难。", "陈大爷", "13903520006", "huaiyuan", "huaiyuan-north", "3号楼");
        lift.dispatch(List.of(order("zhongrui-property", AssignmentRole.LEAD)), XIHUAYUAN_SUPERVISOR, liftReported.plusSeconds(30 * 60));
        lift.start(ZHONGRUI_CREW, liftReported.plusSeconds(3 * 3600));
        // 延期申请, waiting for 西花园街道's supervisor: the lift's control board comes from the manufacturer.
        lift.requestExtension(Organization.findByCode("zhongrui-property").orElseThrow(), lift.dueAt.plusSeconds(3 * 86_400),
                "电梯控制板损坏，需向厂家订购，预计3天到货。", ZHONGRUI_CREW, liftReported.plusSeconds(4 * 3600), zone());
        // Due 24 hours after the call and still stopped the next morning: the street office urges the manager (督办).
        Instant urgedAt = t.at(0, 9, 0);
        if (lift.isOverdue(urgedAt) || lift.isAtRisk(urgedAt)) {
            lift.urge("电梯停运已超过办理时限，老人无法上下楼。请中瑞物业今天上午恢复运行，并向社区回复。", XIHUAYUAN_SUPERVISOR,
                    urgedAt);
        }

        Instant disputeReported = t.at(6, 14, 0);
        Ticket dispute = report(HUAIYUAN_STAFF, disputeReported, "property-dispute", null, Channel.WALK_IN,
                "业主与中瑞物业多次沟通未果：公共设施年久失修、车辆乱停乱放、物业费拖欠。", "居民代表李先生", "13903520007",
                "huaiyuan", "huaiyuan-north", null);
        dispute.dispatch(List.of(order("zhongrui-property", AssignmentRole.LEAD)), XIHUAYUAN_SUPERVISOR, t.at(5, 9, 0));
        dispute.start(ZHONGRUI_CREW, t.at(1, 14, 0));
        dispute.resolve("街道二楼会议室调解两小时，街道、社区同物业公司拿出解决方案，各方达成共识。", "物业管理人员不足，“三供一业”遗留问题",
                ZHONGRUI_CREW, t.at(1, 16, 0));
        dispute.close(HUAIYUAN_STAFF, t.at(1, 17, 30));

        Instant lightReported = t.at(4, 19, 30);
        Ticket light = report(HUAIYUAN_STAFF, lightReported, "street-light", null, Channel.PHONE, "槐园北区小区路灯不亮。", "吴女士", "13903520008",
                "huaiyuan", "huaiyuan-north", "小区主路");
        light.dispatch(List.of(order("zhongrui-property", AssignmentRole.LEAD)), HUAIYUAN_STAFF, t.at(3, 9, 0));
        light.addNote("物业已购灯具，等待电工上门更换。", Visibility.PUBLIC, HUAIYUAN_STAFF, t.at(1, 17, 0));

        Instant fireReported = t.at(1, 11, 0);
        Ticket fire = report(HUAIYUAN_STAFF, fireReported, "fire-hazard", null, Channel.WALK_IN, "槐园北区楼道消防器材缺失。", "郑先生", "13903520009",
                "huaiyuan", "huaiyuan-north", "5号楼楼道");
        fire.dispatch(List.of(order("zhongrui-property", AssignmentRole.LEAD)), HUAIYUAN_STAFF, fireReported.plusSeconds(40 * 60));
        fire.start(ZHONGRUI_CREW, t.at(1, 15, 30));
        fire.resolve("检查辖区消防安全情况，增加了消防器材。", null, ZHONGRUI_CREW, t.at(1, 17, 15));
        fire.close(HUAIYUAN_STAFF, t.at(0, 9, 0));
    }

    /**
     * Work still waiting: a new call in 迎宾路社区, a street light sent to the wrong agency and returned (退单) by it,
     * waiting in the dispatcher's queue, and a withdrawn call.
     */
    private void openWork(Times t) {
        report(YINGBIN_SUPERVISOR, t.at(0, 8, 20), "sanitation", null, Channel.HOTLINE_12345, "迎宾路社区垃圾箱满溢，无人清运。", "钱女士",
                "13903520010", "yingbinlu", null, "迎宾路12号门口");
        Instant lampReported = t.at(1, 19, 10);
        Ticket lamp = report(YINGBIN_SUPERVISOR, lampReported, "street-light", null, Channel.HOTLINE_12345,
                "迎宾路社区迎宾路与振华街路口两盏路灯不亮，夜间行人看不清路。", "褚先生", "13903520012", "yingbinlu", null,
                "迎宾路与振华街路口");
        // Sent to the sanitation centre by mistake; the centre accepts nothing and sends it back the next morning.
        dispatchWithTarget(lamp, List.of(order("pingcheng-sanitation", AssignmentRole.LEAD)), YINGBIN_SUPERVISOR,
                lampReported.plusSeconds(25 * 60));
        lamp.returnOrder(ReturnReason.NEEDS_ANOTHER_AGENCY, "路灯维修不属于环卫中心职责，应由路灯管理部门处理，请重新派单。",
                SANITATION_CREW, t.at(0, 8, 45));
        Ticket withdrawn = report(ADMIN, t.at(2, 16, 0), "sewer-blockage", Priority.LOW, Channel.PHONE,
                "清远西街社区厨房下水慢。", "冯先生", "13903520011", "qingyuanxijie", null, "8号楼2单元");
        withdrawn.cancel(CancelReason.WITHDRAWN, null, ADMIN, t.at(2, 17, 0));
    }

    private ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    private Ticket report(Actor staff, Instant at, String category, Priority priority, Channel channel, String description,
            String name, String phone, String community, String site, String addressDetail) {
        var intake = new Ticket.Intake(ServiceCategory.findByCode(category).orElseThrow(), priority, channel, description,
                new Reporter(name, phone), Area.findByCode(community).orElseThrow(),
                site == null ? null : Site.findByCode(site).orElseThrow(), addressDetail, null, null);
        Ticket ticket = Ticket.report(codes.next(at), intake, staff, at, workingCalendar);
        ticket.persist();
        ticket.flush();
        DemoTickets.mark(ticket);
        return ticket;
    }

    /** A dispatch whose orders are due to be accepted within the category's target (plain hours, as the service counts). */
    private static void dispatchWithTarget(Ticket ticket, List<AssignmentOrder> orders, Actor actor, Instant at) {
        ticket.dispatch(orders, actor, at, at.plusSeconds(60L * ticket.category.acceptanceTargetMinutes));
    }

    private static void accept(Ticket ticket, String organization, Actor actor, Instant at) {
        ticket.accept(Organization.findByCode(organization).orElseThrow().id, actor, at);
    }

    private static AssignmentOrder order(String organization, AssignmentRole role) {
        return new AssignmentOrder(Organization.findByCode(organization).orElseThrow(), role);
    }

    @FunctionalInterface
    private interface Times {
        /** A local time on a day counted back from today. */
        Instant at(int daysAgo, int hour, int minute);
    }

}
