package io.skillbridge.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillbridge.skills.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated learning vendors on their own: the library's size, and the vendors' ways of refusing a caller. */
class SimulatedLearningVendorsIT {

    static final StandardEnvironment environment = new StandardEnvironment();
    static SimulatedLearningVendors vendors;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        vendors = new SimulatedLearningVendors(environment, TaxonomyLoader.load(Path.of("config/taxonomy")));
    }

    @AfterAll
    static void stop() {
        vendors.close();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(vendors.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body());
    }

    @Test
    void theLibrariesOfferOverFiveThousandItemsAndTheSecretsArePublished() {
        assertThat(vendors.catalogSize()).isGreaterThanOrEqualTo(5000);
        assertThat(environment.getProperty("skillbridge.demo.learning-url")).isEqualTo(vendors.baseUrl());
        assertThat(environment.getProperty("DEMO_MOODLE_TOKEN")).hasSizeGreaterThan(20);
    }

    @Test
    void moodleAnswersAWrongTokenWithAnErrorInsideA200AndTheRightOneWithUsers() throws Exception {
        String users = SimulatedLearningVendors.MOODLE + "?wsfunction=core_user_get_users&moodlewsrestformat=json&wstoken=";
        assertThat(get(users + "wrong").path("errorcode").asText()).isEqualTo("invalidtoken");
        JsonNode list = get(users + environment.getProperty("DEMO_MOODLE_TOKEN"));
        assertThat(list.path("users").size()).isGreaterThan(300);
        assertThat(list.path("users").get(0).path("email").asText()).contains("@");
    }
}
