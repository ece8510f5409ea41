package org.carecourse.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + SchedulingApplication.NAME)
class SchedulingIT extends RunnableServiceContract {


    @Test
    void aRegisteredClinicIsListedAndPublishedOnceEvenWhenRegisteredTwice() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        String body = "{\"name\": \"CareCourse Boulder\", \"timeZone\": \"America/Denver\"}";
        try (TopicProbe clinicTopic = new TopicProbe(SchedulingTopics.CLINIC)) {
            assertThat(api.put("/api/clinics/" + clinic, body, ADMIN).status()).isEqualTo(202);
            assertThat(api.put("/api/clinics/" + clinic, body, ADMIN).status()).isEqualTo(202);

            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> clinicTopic.poll().stream().filter(r -> clinic.toString().equals(r.key())).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ClinicRegistered.class))));
            assertThat(EventJson.read(record.value()).payload())
                    .isEqualTo(new ClinicRegistered(clinic, "CareCourse Boulder", "America/Denver"));
        }
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isEqualTo(1);
        String frontDesk = TestTokens.staff("fd", "front-desk", Set.of(clinic));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/api/clinics/" + clinic, frontDesk).body()).contains("\"timeZone\":\"America/Denver\""));
    }

    @Test
    void reRegisteringWithOtherDetailsIsA409NamingTheRule() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        api.put("/api/clinics/" + clinic, "{\"name\": \"Aurora\", \"timeZone\": \"America/Denver\"}", ADMIN);
        Api.Response conflict = api.put("/api/clinics/" + clinic, "{\"name\": \"Aurora\", \"timeZone\": \"America/Chicago\"}", ADMIN);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(EventJson.tree(conflict.body()).get("rule").asString()).isEqualTo("clinic-already-registered");
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isEqualTo(1);
    }

    @Test
    void onlyAdminsRegisterAndTimeZonesMustBeReal() {
        UUID clinic = UUID.randomUUID();
        Api api = Api.onPort(port);
        String frontDesk = TestTokens.staff("fd", "front-desk", Set.of(clinic));
        assertThat(api.put("/api/clinics/" + clinic, "{\"name\": \"X\", \"timeZone\": \"America/Denver\"}", frontDesk).status())
                .isEqualTo(403);
        Api.Response invalid = api.put("/api/clinics/" + clinic, "{\"name\": \"X\", \"timeZone\": \"Mars/Olympus\"}", ADMIN);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"timeZone\"");
        assertThat(PlatformWiring.storedEvents(context, clinic.toString())).isZero();
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/clinics\"", "\"/api/clinics/{clinicId}\""};
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        return List.of(new KeyedWrite("PUT", () -> new Request("/api/clinics/" + UUID.randomUUID(),
                "{\"name\": \"CareCourse Aurora\", \"timeZone\": \"America/Denver\"}"), ADMIN));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String clinic = "/api/clinics/" + UUID.randomUUID();
        return List.of(
                new HostileCase("a 121-character clinic name", "PUT", clinic,
                        "{\"name\": \"" + "C".repeat(121) + "\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "name"),
                new HostileCase("a 65-character time zone", "PUT", clinic,
                        "{\"name\": \"Aurora\", \"timeZone\": \"" + "Z".repeat(65) + "\"}", ADMIN, 400, "timeZone"),
                new HostileCase("a clinic id that is no UUID", "PUT", "/api/clinics/aurora",
                        "{\"name\": \"Aurora\", \"timeZone\": \"America/Denver\"}", ADMIN, 400, "clinicId"));
    }
}
