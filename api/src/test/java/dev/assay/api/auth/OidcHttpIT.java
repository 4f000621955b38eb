package dev.assay.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.HttpApi;
import dev.assay.model.json.Json;
import dev.assay.provider.TestProvider;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cluster mode against a real OpenID provider started in this JVM (Spring Authorization Server): real discovery,
 * real signed tokens. Bearer tokens are checked (expired and wrong-audience tokens refused as problem+json), the
 * browser signs in through the provider's login page into a session, and datasets are seen by their owner, the
 * owner's team and admins only: for anyone else they do not exist (404), whatever they try.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "assay.auth.mode=oidc",
            "assay.auth.client-id=assay-web",
            "assay.auth.client-secret=web-secret",
            "assay.auth.audience=assay",
            "assay.auth.clock-skew=0s"
        })
class OidcHttpIT {

    static TestProvider provider = TestProvider.start();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("assay.auth.issuer", provider::issuer);
        registry.add("assay.data-dir", () -> data.toString());
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().build();

    HttpApi as(String client) throws IOException, InterruptedException {
        return new HttpApi(port).with("Authorization", "Bearer " + provider.token(client));
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemJsonAndAPageStartsTheSignIn() {
        HttpApi api = new HttpApi(port);
        assertThat(api.get("/api/v1/jobs").problem(401).path("detail").asText()).contains("sign in");
        assertThat(api.get("/api/v1/me").problem(401)).isNotNull();
        HttpApi.Answer page = api.send(HttpRequest.newBuilder(api.uri("/"))
                .header("Accept", "text/html")
                .GET());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/assay"));
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void aValidTokenNamesThePersonAndTheirGroups() throws Exception {
        JsonNode me = as("alice").get("/api/v1/me").json();
        assertThat(me.path("name").asText()).isEqualTo("alice");
        assertThat(me.path("teams").get(0).asText()).isEqualTo("team-a");
        assertThat(me.path("admin").asBoolean()).isFalse();
        assertThat(me.path("sign_out").asBoolean()).isTrue();
        assertThat(as("root").get("/api/v1/me").json().path("admin").asBoolean())
                .isTrue();
    }

    @Test
    void anExpiredTokenAndATokenForAnotherAudienceAreRefused() throws Exception {
        HttpApi brief = as("brief");
        assertThat(brief.get("/api/v1/me").status()).isEqualTo(200);
        Thread.sleep(6_100);
        assertThat(brief.get("/api/v1/me").problem(401).path("detail").asText()).containsIgnoringCase("expired");

        assertThat(as("intruder").get("/api/v1/me").problem(401).path("detail").asText())
                .contains("not for 'assay'");

        HttpApi forged = new HttpApi(port).with("Authorization", "Bearer " + provider.token("alice") + "x");
        assertThat(forged.get("/api/v1/me").problem(401)).isNotNull();
    }

    @Test
    void aDatasetIsSeenByItsOwnerTheirTeamAndAdminsAndIsUnknownToEveryoneElse() throws Exception {
        HttpApi alice = as("alice");
        HttpApi bob = as("bob");
        HttpApi carol = as("carol");
        HttpApi root = as("root");
        HttpApi.Answer uploaded =
                alice.upload("titanic.csv", Files.readAllBytes(Path.of("../examples/datasets/titanic.csv")));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(202);
        String jobId = uploaded.json().path("job_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> alice.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("done"));
        Map<String, Object> apply = Map.of(
                "job_id",
                jobId,
                "actions",
                List.of(Map.of("type", "impute", "params", Map.of("strategy", "median", "columns", List.of("Age")))));

        // Bob, of another team: list, read, download, ask, apply and delete all find nothing.
        assertThat(bob.get("/api/v1/jobs").json().findValuesAsText("job_id")).doesNotContain(jobId);
        bob.get("/api/v1/jobs/" + jobId + "/status").problem(404);
        bob.get("/api/v1/artifacts/" + jobId + "/cleaned.csv").problem(404);
        bob.get("/api/v1/artifacts/" + jobId + "/source.csv").problem(404);
        bob.postJson("/api/v1/assistant", Map.of("job_id", jobId, "prompt", "fill missing ages"))
                .problem(404);
        bob.postJson("/api/v1/assistant/apply", apply).problem(404);
        bob.send(HttpRequest.newBuilder(bob.uri("/api/v1/jobs/" + jobId)).DELETE())
                .problem(404);
        // Carol, of alice's team, and root, an admin, see and use it.
        assertThat(carol.get("/api/v1/jobs").json().findValuesAsText("job_id")).contains(jobId);
        assertThat(carol.get("/api/v1/artifacts/" + jobId + "/cleaned.csv").status())
                .isEqualTo(200);
        assertThat(carol.postJson("/api/v1/assistant/apply", apply).status()).isEqualTo(202);
        assertThat(root.get("/api/v1/jobs").json().findValuesAsText("job_id")).contains(jobId);
        assertThat(root.get("/api/v1/jobs/" + jobId + "/status").status()).isEqualTo(200);
        // The audit trail: bob reads only his own events, and they show his refused attempts; root reads alice's.
        JsonNode bobs = bob.get("/api/v1/audit").json().path("events");
        assertThat(bobs.findValuesAsText("actor")).isNotEmpty().containsOnly("bob");
        assertThat(bobs.findValuesAsText("outcome")).containsOnly("failure");
        bob.get("/api/v1/audit?actor=alice").problem(403);
        assertThat(root.get("/api/v1/audit?actor=alice&action=upload")
                        .json()
                        .path("events")
                        .get(0)
                        .path("dataset_id")
                        .asText())
                .isEqualTo(jobId);
        // Once alice's run is over, bob still cannot delete; alice can.
        await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> alice
                                .get("/api/v1/jobs/" + jobId + "/status")
                                .json()
                                .path("runs")
                                .findValuesAsText("status")
                                .stream()
                                .allMatch(s -> s.matches("done|failed")));
        bob.send(HttpRequest.newBuilder(bob.uri("/api/v1/jobs/" + jobId)).DELETE())
                .problem(404);
        assertThat(alice.send(HttpRequest.newBuilder(alice.uri("/api/v1/jobs/" + jobId))
                                .DELETE())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void theBrowserSignsInThroughTheProvidersLoginPageIntoASession() throws Exception {
        String api = "http://127.0.0.1:" + port;
        provider.registerApi(api);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        // The UI's sign-in link → the provider's authorize endpoint → its login page.
        URI next = URI.create(api + "/oauth2/authorization/assay");
        HttpResponse<String> answer = follow(browser, next);
        assertThat(answer.uri().getPath()).isEqualTo("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(answer.body());
        assertThat(csrf.find()).as(answer.body()).isTrue();
        String form = "username=alice&password=" + TestProvider.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = browser.send(
                HttpRequest.newBuilder(answer.uri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // → authorize again → the api's callback (code exchanged server to server) → the UI.
        HttpResponse<String> landed = follow(
                browser,
                posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow()));
        assertThat(landed.uri().toString()).startsWith(api + "/");

        HttpResponse<String> me = browser.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(me.body()).path("name").asText()).isEqualTo("alice");
        JsonNode signIns = as("root")
                .get("/api/v1/audit?actor=alice&action=sign_in")
                .json()
                .path("events");
        assertThat(signIns.findValuesAsText("outcome")).contains("success");

        HttpResponse<String> out = browser.send(
                HttpRequest.newBuilder(URI.create(api + "/logout"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith(provider.issuer()));
        assertThat(browser.send(
                                HttpRequest.newBuilder(URI.create(api + "/api/v1/me"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    /** Follows redirects by hand (the cookie jar keeps both servers' sessions) until a page answers. */
    private static HttpResponse<String> follow(HttpClient browser, URI start) throws Exception {
        URI next = start;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> answer = browser.send(
                    HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302) {
                return answer;
            }
            next = next.resolve(answer.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("more than 10 redirects from " + start);
    }
}
