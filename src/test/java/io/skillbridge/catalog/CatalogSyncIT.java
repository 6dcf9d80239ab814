package io.skillbridge.catalog;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Content libraries into one skill-tagged catalog, read through the catalog API and the gap's recommendations. */
class CatalogSyncIT extends LearningHub {

    static final String LINKEDIN = "/linkedin/v2/learningAssets";
    static final String COURSERA = "/coursera/api/businesses.v1/acme/catalog";

    static String asset(int n, String title, String level, String skill) {
        return """
                {"urn": "urn:li:lyndaCourse:%d", "type": "COURSE",
                 "title": {"value": "%s", "locale": {"language": "en", "country": "US"}},
                 "details": {"level": "%s", "timeToComplete": {"unit": "SECOND", "duration": 3600},
                   "lastUpdatedAt": 1760000000000, "urls": {"webLaunch": "https://www.linkedin.com/learning/c-%d"},
                   "classifications": [{"associatedClassification": {"type": "SKILL", "name": {"value": "%s"}}}]}}
                """.formatted(n, title, level, n, skill);
    }

    static String courseraItem(String id, String name, boolean active, String workload, String... skills) {
        return """
                {"id": "%s", "contentType": "Course", "name": "%s", "description": "A course.", "difficultyLevel": "Intermediate",
                 "workload": "%s", "languageCode": "en", "skills": [%s], "partners": ["Example University"],
                 "lastModifiedUTC": "2026-09-14T10:00:00Z", "isActive": %s, "url": "https://www.coursera.org/learn/%s"}
                """.formatted(id, name, workload, skills.length == 0 ? "" : "\"" + String.join("\", \"", skills) + "\"",
                active, id);
    }

    static String page(String records, int total) {
        return "{\"elements\": [" + records + "], \"paging\": {\"total\": " + total + "}}";
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> catalog(String query) {
        return http.getForObject("/api/v1/catalog" + query, Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(String query) {
        return (List<Map<String, Object>>) catalog(query).get("items");
    }

    @Test
    void linkedInRefreshesAnExpiredTokenOnA401AndCarriesOn() {
        String token = "/linkedin/oauth/v2/accessToken";
        vendor.stubFor(post(urlPathEqualTo(token)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"t1\", \"expires_in\": 1800}")).willSetStateTo("second"));
        vendor.stubFor(post(urlPathEqualTo(token)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\": \"t2\", \"expires_in\": 1800}")));
        vendor.stubFor(get(urlPathEqualTo(LINKEDIN)).withQueryParam("start", equalTo("0")).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(json(page(asset(1, "Excel: Advanced Formulas and Functions", "ADVANCED", "Microsoft Excel") + ","
                        + asset(2, "Leading Remote Teams", "INTERMEDIATE", "Remote Leadership Rituals"), 3))));
        // the first token expired early, as tokens revoked by the vendor do
        vendor.stubFor(get(urlPathEqualTo(LINKEDIN)).withQueryParam("start", equalTo("2")).withHeader("Authorization", equalTo("Bearer t1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Expired access token\"}")));
        vendor.stubFor(get(urlPathEqualTo(LINKEDIN)).withQueryParam("start", equalTo("2")).withHeader("Authorization", equalTo("Bearer t2"))
                .willReturn(json(page(asset(3, "SQL Essential Training", "BEGINNER", "SQL"), 3))));

        Map<String, Object> run = sync("linkedin-assets", "full");

        assertThat(run).containsEntry("status", "succeeded").containsEntry("created", 3);
        vendor.verify(2, postRequestedFor(urlPathEqualTo(token)));
        List<Map<String, Object>> excel = items("?skill=excel");
        assertThat(excel).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("modality", "course").containsEntry("durationMinutes", 60).containsEntry("level", 4.0)
                    .containsEntry("language", "en");
            assertThat((List<Map<String, Object>>) i.get("skills")).anySatisfy(s -> assertThat(s)
                    .containsEntry("skill", "excel").containsEntry("matchedBy", "label"));
        });
        assertThat(items("?skill=SQL&level=2&modality=course&maxMinutes=60&language=en-US")).hasSize(1);
        assertThat(items("?skill=sql&level=4")).isEmpty();
        // "Leading Remote Teams" names a skill in its title even though its provider tag is unknown
        assertThat(items("?skill=managing-remote-teams")).isEmpty();
        assertThat(items("?skill=team-leadership")).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> unmatched = (List<Map<String, Object>>) http.getForObject("/api/v1/catalog/unmatched-tags",
                Map.class).get("items");
        assertThat(unmatched).singleElement().satisfies(t -> assertThat(t).containsEntry("tag", "Remote Leadership Rituals")
                .containsEntry("provider", "linkedin-learning").containsEntry("count", 1));
    }

    @Test
    void inactiveItemsLeaveTheCatalogAndIncrementalSyncsAskOnlyForChanges() {
        vendor.stubFor(get(urlPathEqualTo(COURSERA)).withQueryParam("lastModifiedUTC", absent()).withQueryParam("start", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer coursera-token-0001"))
                .willReturn(json(page(courseraItem("bi", "Business Intelligence Foundations", true, "4 weeks, 3-4 hours per week",
                        "Business Intelligence", "Dashboards") + "," + courseraItem("csm", "Customer Success Management", true,
                        "Approx. 20 hours", "Customer Success"), 3))));
        vendor.stubFor(get(urlPathEqualTo(COURSERA)).withQueryParam("lastModifiedUTC", absent()).withQueryParam("start", equalTo("2"))
                .willReturn(json(page(courseraItem("old", "Retired Course", false, "", "Customer Success"), 3))));

        assertThat(sync("coursera-catalog", null)).containsEntry("status", "succeeded").containsEntry("created", 2)
                .containsEntry("unchanged", 1);
        assertThat(items("?skill=customer-success")).extracting(i -> i.get("title")).containsExactly("Customer Success Management");
        assertThat(items("?skill=business-intelligence")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("durationMinutes", 840).containsEntry("level", 3.0));

        vendor.stubFor(get(urlPathEqualTo(COURSERA)).withQueryParam("lastModifiedUTC", matching("20[2-9].*"))
                .willReturn(json(page(courseraItem("csm", "Customer Success Management", false, "Approx. 20 hours",
                        "Customer Success"), 1))));
        Map<String, Object> incremental = sync("coursera-catalog", null);

        assertThat(incremental).containsEntry("read", 1).containsEntry("deactivated", 1);
        vendor.verify(1, getRequestedFor(urlPathEqualTo(COURSERA)).withQueryParam("lastModifiedUTC", matching("20[2-9].*")));
        assertThat(items("?skill=customer-success")).isEmpty();
        assertThat(catalog("")).containsEntry("total", 1);
        assertThat(jdbc.queryForObject("select count(*) from content_item where not active", Integer.class)).isEqualTo(1);

        // a full snapshot that no longer lists an item takes it out as well
        vendor.stubFor(get(urlPathEqualTo(COURSERA)).withQueryParam("lastModifiedUTC", absent())
                .willReturn(json(page("", 0))).atPriority(1));
        assertThat(sync("coursera-catalog", "full")).containsEntry("deactivated", 1);
        assertThat(catalog("")).containsEntry("total", 0);
    }

    @Test
    void theSameCourseFromTwoProvidersIsOneItemWithBothSources() {
        vendor.stubFor(get(urlPathEqualTo(COURSERA)).willReturn(json(page(courseraItem("bi",
                "Business Intelligence Foundations", true, "10 hours", "Business Intelligence"), 1))));
        sync("coursera-catalog", "full");
        academy(new String[]{"A-7", "Business  Intelligence: Foundations", "ISBN-1", "Beginner", "Tableau"});

        List<Map<String, Object>> all = items("");
        assertThat(all).singleElement().satisfies(i -> {
            assertThat((List<?>) i.get("sources")).hasSize(2);
            assertThat((List<Map<String, Object>>) i.get("skills")).extracting(s -> s.get("skill"))
                    .contains("business-intelligence", "tableau");
        });
        String id = (String) all.get(0).get("id");
        assertThat(http.getForObject("/api/v1/catalog/" + id, Map.class)).containsEntry("id", id);
    }

    @Test
    void badParametersAreRefusedByName() {
        ResponseEntity<Map> unknownSkill = http.getForEntity("/api/v1/catalog?skill=basket-weaving", Map.class);
        assertThat(unknownSkill.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownSkill.getBody().toString()).contains("basket-weaving");
        for (String[] bad : new String[][]{{"level=9", "level"}, {"modality=hologram", "modality"},
                {"maxMinutes=0", "maxMinutes"}, {"language=english!", "language"}, {"level=high", "level"}}) {
            ResponseEntity<Map> answer = http.getForEntity("/api/v1/catalog?" + bad[0], Map.class);
            assertThat(answer.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString()).as(bad[0]).contains(bad[1]);
        }
        assertThat(http.getForEntity("/api/v1/catalog/no-such-item", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGapRecommendsContentForEachMissingSkillAndWhatPeopleInTheRoleCompleted() {
        Map<String, String> ids = people(new String[]{"p1", "ana@corp.example", "E-1", "CSR1", "Customer Support Representative I"},
                new String[]{"p2", "bo@corp.example", "E-2", "CSR2", "Customer Support Representative II"});
        academy(new String[]{"A-1", "Handling Complaints with Confidence", "H-1", "Intermediate", "Complaint Handling"},
                new String[]{"A-2", "Complaint Handling Masterclass", "H-2", "Expert", "Complaint Handling"},
                new String[]{"A-3", "Complaint Handling Basics", "H-3", "Introductory", "Complaint Handling"});
        vendor.stubFor(get(urlPathEqualTo("/scorm/api/v2/registrations")).willReturn(json("""
                {"registrations": [{"id": "r1", "registrationCompletion": "COMPLETED", "registrationSuccess": "UNKNOWN",
                  "completedDate": "2026-11-27T14:03:09.000Z", "course": {"id": "H-2", "title": "Complaint Handling Masterclass"},
                  "learner": {"id": "bo", "email": "bo@corp.example"}}]}
                """)));
        sync("scorm-registrations", "full");

        Map<String, Object> gap = http.getForObject("/api/v1/persons/" + ids.get("p1") + "/gap?role=hr:CSR2", Map.class);

        Map<String, Object> complaints = ((List<Map<String, Object>>) gap.get("missing")).stream()
                .filter(m -> "complaint-handling".equals(m.get("skill"))).findFirst().orElseThrow();
        Map<String, Object> recommended = (Map<String, Object>) complaints.get("recommendations");
        // required level 3: the intermediate course fits exactly, the expert one overshoots, the introductory one falls short
        assertThat((List<Map<String, Object>>) recommended.get("items")).extracting(i -> i.get("title"))
                .containsExactly("Handling Complaints with Confidence", "Complaint Handling Masterclass",
                        "Complaint Handling Basics");
        assertThat((List<Map<String, Object>>) recommended.get("completedInRole")).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("title", "Complaint Handling Masterclass").containsEntry("completedBy", 1));
    }
}
