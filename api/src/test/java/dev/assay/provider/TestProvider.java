package dev.assay.provider;

import dev.assay.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * (Outside the api's packages, so the api's own component scan never picks it up.)
 * <p>
 * A real OpenID provider (Spring Authorization Server) in the test's JVM, on a loopback port of its own: discovery,
 * RS256-signed tokens from its own key, a login page. People: alice and carol (team-a), bob (team-b), root (admin),
 * password "pw". Clients (client-credentials, one per person, so a test gets a person's token in one call) carry the
 * person's name and groups; {@code intruder} gets tokens for another audience, {@code brief} tokens that live 5 s.
 * {@code assay-web} is the api's browser sign-in (authorization code), registered once the api's port is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
public class TestProvider {

    public static final String PASSWORD = "pw";
    static final Map<String, List<String>> GROUPS = Map.of(
            "alice",
            List.of("team-a"),
            "carol",
            List.of("team-a"),
            "bob",
            List.of("team-b"),
            "root",
            List.of("assay-admins"));

    private final ConfigurableApplicationContext context;

    private TestProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** On a free port: for a test whose api runs in the same JVM and reads the issuer after the start. */
    public static TestProvider start() {
        return start(0);
    }

    /**
     * On this port: for a test that starts the api as a process of its own, pointed at an issuer known beforehand.
     */
    public static TestProvider start(int port) {
        return new TestProvider(new SpringApplicationBuilder(TestProvider.class)
                .properties(
                        "spring.config.name=test-provider",
                        "server.port=" + port,
                        "server.address=127.0.0.1",
                        // Both servers are on 127.0.0.1, and cookies do not tell ports apart.
                        "server.servlet.session.cookie.name=PROVIDER_SESSION",
                        "assay.test.own-schema=false",
                        "spring.main.banner-mode=off")
                .run());
    }

    public String issuer() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Lets the api at {@code apiBase} sign people in with the authorization-code flow. */
    public void registerApi(String apiBase) {
        context.getBean(InMemoryRegisteredClientRepository.class)
                .save(RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId("assay-web")
                        .clientSecret("{noop}web-secret")
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(apiBase + "/login/oauth2/code/assay")
                        .postLogoutRedirectUri(apiBase + "/")
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .scope("email")
                        .clientSettings(ClientSettings.builder()
                                .requireAuthorizationConsent(false)
                                .build())
                        .build());
    }

    /** An access token of {@code client} from the token endpoint (client-credentials grant), as any api client gets one. */
    public String token(String client) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((client + ":" + secret(client))
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the provider refused a token for " + client + ": " + answer.body());
            }
            return Json.mapper().readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void close() {
        context.close();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        return http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(GROUPS.keySet().stream()
                .map(name -> User.withUsername(name)
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build())
                .toList());
    }

    @Bean
    InMemoryRegisteredClientRepository clients() {
        List<RegisteredClient> clients = new java.util.ArrayList<>();
        for (String person : GROUPS.keySet()) {
            clients.add(machine(person, Duration.ofMinutes(5)));
        }
        clients.add(machine("intruder", Duration.ofMinutes(5)));
        // Long enough that a loaded machine still uses it once before it expires; the test waits it out.
        clients.add(machine("brief", Duration.ofSeconds(5)));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The provider wants every client's secret to differ. */
    public static String secret(String client) {
        return PASSWORD + "-" + client;
    }

    private static RegisteredClient machine(String id, Duration life) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(id)
                .clientSecret("{noop}" + secret(id))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(
                        TokenSettings.builder().accessTokenTimeToLive(life).build())
                .build();
    }

    /** The claims a real provider would be configured to add: a user name, the groups, the api as audience. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            String who = context.getPrincipal().getName();
            String person = who.equals("brief") ? "alice" : who.equals("intruder") ? "alice" : who;
            context.getClaims().claim("preferred_username", person);
            context.getClaims().claim("groups", GROUPS.getOrDefault(person, List.of()));
            if (!who.equals("intruder") && !context.getTokenType().getValue().equals("id_token")) {
                context.getClaims().audience(List.of("assay"));
            }
        };
    }
}
