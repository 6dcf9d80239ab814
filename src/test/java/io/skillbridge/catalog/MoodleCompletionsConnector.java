package io.skillbridge.catalog;

import io.skillbridge.HubHome;

/**
 * The Moodle completions connector as an integration engineer writes it: Moodle's manually enrolled users, then each
 * user's courses with their completion, over Moodle's REST web services.
 */
public final class MoodleCompletionsConnector {

    private MoodleCompletionsConnector() {
    }

    /** Adds connector {@code moodle-completions} to {@code home} for the Moodle at {@code baseUrl}; its token comes from TEST_MOODLE_TOKEN. */
    public static void write(HubHome home, String baseUrl) {
        home.write("config/connectors/moodle-completions.yaml", """
                kind: http-pull
                parameters:
                  system: moodle
                  entity: learningRecord
                  mapping: moodle/user-courses.jsonata
                  reconcile: false
                  baseUrl: %s
                  path: /webservice/rest/server.php?wsfunction=core_user_get_users&moodlewsrestformat=json&criteria[0][key]=auth&criteria[0][value]=manual
                  authType: api-key
                  apiKey: ${TEST_MOODLE_TOKEN}
                  apiKeyParam: wstoken
                  recordsPath: /users
                  detailPath: /webservice/rest/server.php?wsfunction=core_enrol_get_users_courses&moodlewsrestformat=json&userid={id}
                  errorBodyPath: /exception
                  maxRetries: 0
                """.formatted(baseUrl));
    }
}
