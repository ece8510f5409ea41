package org.carecourse.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.carecourse.local.DemoChain;
import org.carecourse.local.LocalPlatform;

import tools.jackson.databind.json.JsonMapper;

/**
 * Booking attempts through scheduling's API with the demo admin's token: consults (which need no
 * gate copies from other services, so nothing else has to be set up; the path is otherwise the
 * same: planner, clinic day, exclusion constraints). The demo clinics get extra consult rooms and
 * prescribers through the admin API, as a clinic would add them, so the uniform load has 20 rooms.
 */
final class Bookings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PATIENTS = 2000;
    /** Demo clinics' consult rooms, the seeded one included: 7 + 7 + 6. */
    private static final int[] ROOMS = {7, 7, 6};
    private static final String SHIFTS = """
            [{"day": "MONDAY", "from": "08:00", "to": "17:00"}, {"day": "TUESDAY", "from": "08:00", "to": "17:00"},
             {"day": "WEDNESDAY", "from": "08:00", "to": "17:00"}, {"day": "THURSDAY", "from": "08:00", "to": "17:00"},
             {"day": "FRIDAY", "from": "08:00", "to": "17:00"}]""";

    private final LocalPlatform platform;
    private final String admin;
    private final String consultRoom;
    /** The weekdays of the uniform load, a few weeks ahead (each clinic's dates). */
    private final List<LocalDate> days = new ArrayList<>();
    private final LocalDate hotDay;

    Bookings(LocalPlatform platform) throws Exception {
        this.platform = platform;
        this.admin = platform.token("admin");
        this.consultRoom = UUID.nameUUIDFromBytes((DemoChain.DENVER.id() + "/Consult room").getBytes(StandardCharsets.UTF_8)).toString();
        LocalDate monday = LocalDate.now(ZoneId.of(DemoChain.DENVER.timeZone())).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        this.hotDay = monday;
        for (LocalDate day = monday.plusDays(1); days.size() < 20; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
    }

    /** Patients the attempts book for: scheduling books only patients the chain registered. */
    private final List<UUID> patients = new ArrayList<>();

    /**
     * Adds the rooms and a prescriber per room to each demo clinic (idempotent: fixed ids), and a
     * pool of registered patients. The pool is written straight into scheduling's copy of the
     * patient index, as its consumer of consultations' topic would: registering thousands through
     * consultations' API is not what this benchmark measures.
     */
    void setUp() throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("scheduling"), LocalPlatform.DATABASE_ADMIN,
                LocalPlatform.DATABASE_ADMIN); PreparedStatement insert = c.prepareStatement(
                        "insert into known_patient (patient_id, home_clinic_id, registered_at) values (?, ?, now())"
                                + " on conflict do nothing")) {
            for (int i = 0; i < PATIENTS; i++) {
                UUID patient = UUID.nameUUIDFromBytes(("bench patient " + i).getBytes(StandardCharsets.UTF_8));
                insert.setObject(1, patient);
                insert.setObject(2, DemoChain.DENVER.id());
                insert.addBatch();
                patients.add(patient);
            }
            insert.executeBatch();
        }
        for (int c = 0; c < DemoChain.CLINICS.size(); c++) {
            DemoChain.Clinic clinic = DemoChain.CLINICS.get(c);
            for (int room = 2; room <= ROOMS[c]; room++) {
                consultRoomWithItsPrescriber(clinic, "Bench", room);
            }
        }
    }

    /** A consult room "{@code kind} room {@code n}" at the clinic and a prescriber on weekday shifts for it (fixed ids: idempotent). */
    private UUID consultRoomWithItsPrescriber(DemoChain.Clinic clinic, String kind, int n) throws Exception {
        String prefix = clinic.id() + "/" + kind.toLowerCase(java.util.Locale.ROOT);
        UUID chair = UUID.nameUUIDFromBytes((prefix + " room " + n).getBytes(StandardCharsets.UTF_8));
        Http.expect(200, Http.send("PUT", url("/api/clinics/" + clinic.id() + "/chairs/" + chair), admin,
                JSON.writeValueAsString(Map.of("name", kind + " room " + n, "capabilities", List.of("consult")))), "room");
        UUID prescriber = UUID.nameUUIDFromBytes((prefix + " prescriber " + n).getBytes(StandardCharsets.UTF_8));
        Http.expect(200, Http.send("PUT", url("/api/clinics/" + clinic.id() + "/staff/" + prescriber), admin,
                "{\"name\": \"" + kind + " prescriber " + n + "\", \"role\": \"prescriber\", \"shifts\": " + SHIFTS + "}"), "prescriber");
        return chair;
    }

    /** One attempt at a random start of the hot day on Denver's consult room; a conflict (409) is an answer, not an error. */
    boolean hotAttempt() throws Exception {
        return answered(book(DemoChain.DENVER, consultRoom, hotDay, null));
    }

    /** One attempt at a random clinic, weekday and start, any free room. */
    boolean uniformAttempt() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        DemoChain.Clinic clinic = DemoChain.CLINICS.get(random.nextInt(DemoChain.CLINICS.size()));
        return answered(book(clinic, null, days.get(random.nextInt(days.size())), null));
    }

    private Http.Response book(DemoChain.Clinic clinic, String chairId, LocalDate day, String patientId) throws Exception {
        return book(clinic, chairId, day, LocalTime.of(8, 0).plusMinutes(15L * ThreadLocalRandom.current().nextInt(33)), patientId);
    }

    private Http.Response book(DemoChain.Clinic clinic, String chairId, LocalDate day, LocalTime start, String patientId)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant startsAt = day.atTime(start).atZone(ZoneId.of(clinic.timeZone())).toInstant();
        String chair = chairId == null ? "" : ", \"chairId\": \"" + chairId + "\"";
        return Http.post(url("/api/clinics/" + clinic.id() + "/appointments"), admin, "{\"patientId\": \""
                + (patientId == null ? patients.get(random.nextInt(patients.size())) : patientId)
                + "\", \"type\": \"consult\", \"startsAt\": \"" + startsAt + "\""
                + chair + "}");
    }

    /**
     * One clinic day filled booking by booking, 1 client, each consult in a free room at a free
     * time (Chicago, rooms and prescribers of its own, a day no other scenario books): the
     * latencies of the day's first {@code measured} bookings, and of {@code measured} more once
     * {@code held} are on the day. Refusals are counted as errors: every booking here should fit.
     */
    Measured[] dayHistory(int held, int measured) throws Exception {
        DemoChain.Clinic clinic = DemoChain.CHICAGO;
        int rooms = 30;
        List<String> roomIds = new ArrayList<>();
        for (int room = 1; room <= rooms; room++) {
            roomIds.add(consultRoomWithItsPrescriber(clinic, "History", room).toString());
        }
        LocalDate day = hotDay.plusWeeks(6);
        Latencies first = new Latencies();
        Latencies later = new Latencies();
        long[] refused = new long[2];
        long[] busy = new long[2];
        for (int i = 0; i < held + measured; i++) {
            LocalTime at = LocalTime.of(8, 0).plusMinutes(45L * (i / rooms));
            long began = System.nanoTime();
            Http.Response booked = book(clinic, roomIds.get(i % rooms), day, at, patients.get(i % patients.size()).toString());
            long took = System.nanoTime() - began;
            int segment = i < measured ? 0 : i >= held ? 1 : -1;
            if (segment >= 0) {
                (segment == 0 ? first : later).add(took);
                refused[segment] += booked.status() == 201 ? 0 : 1;
                busy[segment] += took;
            }
        }
        return new Measured[] {new Measured(measured, refused[0], busy[0] / 1e9, first, "bookings"),
                new Measured(measured, refused[1], busy[1] / 1e9, later, "bookings")};
    }

    /** Booked, or refused by a rule (taken, nobody free): both are correct answers under contention. */
    private static boolean answered(Http.Response response) {
        return response.status() == 201 || response.status() == 409 || response.status() == 422;
    }

    /** Appointments holding their time that overlap another's chair, clinician's seat or patient: must be 0. */
    long doubleBookings() throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("scheduling"), LocalPlatform.DATABASE_ADMIN,
                LocalPlatform.DATABASE_ADMIN); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                        select count(*) from appointment a join appointment b on a.appointment_id < b.appointment_id
                        and a.status in ('booked', 'checked-in', 'completed') and b.status in ('booked', 'checked-in', 'completed')
                        and ((a.override_reason is null and b.override_reason is null
                              and ((a.chair_id = b.chair_id and a.chair_during && b.chair_during)
                                   or (a.staff_id = b.staff_id and a.staff_seat = b.staff_seat and a.during && b.during)))
                             or (a.patient_id = b.patient_id and a.during && b.during))""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long booked() throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("scheduling"), LocalPlatform.DATABASE_ADMIN,
                LocalPlatform.DATABASE_ADMIN); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from appointment where status = 'booked'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String url(String path) {
        return "http://localhost:" + platform.ports().service("scheduling") + path;
    }
}
