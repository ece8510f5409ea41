package org.carecourse.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.servicekit.boot.CareCourseService;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline lives in the database, not in the instance that set it: the instance stops firing
 * deadlines (as a crashed one would), and its appointment's no-show is decided by another instance
 * on the same database (one started here, or any other test context still running), exactly once.
 */
@Tag("fault")
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + SchedulingApplication.NAME, "carecourse.deadlines.polling-interval=1s"})
class DeadlinesSurviveTheirInstanceIT {

    private static final String ADMIN = TestTokens.staff("admin", "admin", Set.of());

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    private int port;

    @Test
    void aNoShowSetByAnInstanceThatStoppedIsDecidedOnceByAnother() throws Exception {
        Api api = Api.onPort(port);
        UUID clinic = UUID.randomUUID();
        ZoneId morning = SchedulingIT.morningZone();
        assertThat(api.put("/api/clinics/" + clinic, "{\"name\": \"CareCourse Lakewood\", \"timeZone\": \"" + morning.getId() + "\"}",
                ADMIN).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/api/clinics/" + clinic, ADMIN).status() == 200);
        String admin = TestTokens.staff("admin.lakewood", "admin", Set.of(clinic));
        UUID room = UUID.randomUUID();
        assertThat(api.put("/api/clinics/" + clinic + "/chairs/" + room, "{\"name\": \"Consult room\", \"capabilities\": [\"consult\"]}",
                admin).status()).isEqualTo(200);
        String shifts = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> "{\"day\": \"" + day + "\", \"from\": \"06:00\", \"to\": \"22:00\"}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        assertThat(api.put("/api/clinics/" + clinic + "/staff/" + UUID.randomUUID(), "{\"name\": \"Dr Lee\", \"role\": \"prescriber\","
                + " \"shifts\": " + shifts + "}", admin).status()).isEqualTo(200);
        assertThat(api.put("/api/clinics/" + clinic + "/scheduling-policy", """
                {"remsCertified": false, "patientsPerNurse": 2, "lateCancelNoticeHours": 24, "noShowGraceMinutes": 0,
                 "reminderLeadHours": [1]}""", admin).status()).isEqualTo(200);

        UUID patient = KnownPatients.register(context);
        // This instance stops firing deadlines, as a crashed one would.
        context.getBean("deadlineSchedulerLifecycle", SmartLifecycle.class).stop();
        Api.Response booked = api.post("/api/clinics/" + clinic + "/appointments", "{\"patientId\": \"" + patient
                + "\", \"chairId\": \"" + room + "\", \"type\": \"consult\", \"startsAt\": \"" + Instant.now().plusSeconds(2) + "\"}", admin);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String appointment = EventJson.tree(booked.body()).get("appointmentId").asString();
        JdbcClient here = context.getBean(JdbcClient.class);
        assertThat(here.sql("select count(*) from scheduled_tasks where task_data is not null and execution_time > now() - interval '1 minute'")
                .query(Long.class).single()).as("the deadline is a row, not a timer of this instance").isPositive();

        try (ConfigurableApplicationContext another = CareCourseService.run(SchedulingApplication.class, SchedulingApplication.NAME,
                "--server.port=0", "--carecourse.deadlines.polling-interval=1s")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(api, admin, appointment).equals("no-show"));
            JdbcClient jdbc = another.getBean(JdbcClient.class);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("""
                            select count(*) from domain_event_entry where payload_type like '%NoShowed'
                            and convert_from(payload, 'UTF8') like ?""").param("%" + appointment + "%").query(Long.class).single() == 1);
        }
    }

    private static String status(Api api, String token, String appointment) {
        return EventJson.tree(api.get("/api/appointments/" + appointment, token).body()).get("status").asString();
    }
}
