package dev.assay.api.auth;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.identity.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The two modes of access. Laptop ({@code assay.auth.mode=none}): no login, the api answers 127.0.0.1 only.
 * Cluster ({@code oidc}): bearer JWTs checked against the issuer's keys, issuer, times and audience; browser sign-in
 * by the authorization-code flow into a server-side session (BFF: the UI holds no token); every refusal is
 * problem+json. The api's own security headers (SecurityHeadersFilter) are kept, so Spring Security's are off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {

    static final String REGISTRATION = "assay";

    @Bean
    @ConditionalOnProperty(name = "assay.auth.mode", havingValue = "none", matchIfMissing = true)
    SecurityFilterChain laptop(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The laptop mode answers odd paths (encoded slashes, dots, backslashes, double slashes) as before security was
     * added: the artifact endpoint recognises only its own names and answers 404 for anything else. On a cluster the
     * strict firewall stays and refuses them with 400.
     */
    @Bean
    @ConditionalOnProperty(name = "assay.auth.mode", havingValue = "none", matchIfMissing = true)
    HttpFirewall laptopFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowUrlEncodedPeriod(true);
        firewall.setAllowBackSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    @Bean
    @ConditionalOnProperty(name = "assay.auth.mode", havingValue = "oidc")
    ClientRegistrationRepository clientRegistrations(AuthProperties auth) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(auth.requiredIssuer())
                .registrationId(REGISTRATION)
                .clientId(auth.clientId())
                .clientSecret(auth.clientSecret())
                .scope("openid", "profile", "email")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    @ConditionalOnProperty(name = "assay.auth.mode", havingValue = "oidc")
    JwtDecoder jwtDecoder(AuthProperties auth) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withIssuerLocation(auth.requiredIssuer()).build();
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(auth.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token",
                                "the token is for " + jwt.getAudience() + ", not for '" + auth.audience() + "'",
                                null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(auth.clockSkew()), new JwtIssuerValidator(auth.requiredIssuer()), audience));
        return decoder;
    }

    @Bean
    @ConditionalOnProperty(name = "assay.auth.mode", havingValue = "oidc")
    SecurityFilterChain cluster(
            HttpSecurity http,
            AuthProperties auth,
            ClientRegistrationRepository clients,
            JwtDecoder decoder,
            OidcSignedIn signedIn,
            Audit audit)
            throws Exception {
        Problems problems = new Problems(audit);
        SavedRequestAwareAuthenticationSuccessHandler toTheUi = new SavedRequestAwareAuthenticationSuccessHandler();
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(clients);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .oauth2ResourceServer(r -> r.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> {
                            Actor actor = Claims.actor(jwt.getClaims(), auth);
                            List<SimpleGrantedAuthority> authorities =
                                    actor.admin() ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN")) : List.of();
                            return new JwtAuthenticationToken(jwt, authorities, actor.name());
                        }))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .oauth2Login(o -> o.clientRegistrationRepository(clients)
                        .successHandler((request, response, authentication) -> {
                            signedIn.actorOf(authentication)
                                    .ifPresent(actor -> audit.record(
                                            actor,
                                            AuditAction.SIGN_IN,
                                            "success",
                                            Optional.empty(),
                                            Optional.empty(),
                                            Map.of("via", "browser sign-in")));
                            toTheUi.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(problems))
                .logout(l -> l.logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e
                        // The api answers problem+json; a page of the UI starts the provider's sign-in instead.
                        .defaultAuthenticationEntryPointFor(
                                problems,
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .accessDeniedHandler(problems))
                // The session cookie is SameSite=Lax (application.yaml): another site's form or script cannot send
                // it with a POST, and the api accepts no form posts; bearer clients carry no cookie at all.
                .csrf(c -> c.disable())
                .headers(h -> h.disable())
                .build();
    }
}
