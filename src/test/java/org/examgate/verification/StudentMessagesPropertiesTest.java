package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Overrides bound as Spring Boot binds {@code examgate.messages} at start-up, from each place an operator
 * may put them, without starting the application.
 */
class StudentMessagesPropertiesTest {

    private static final String FRENCH = "Vos identifiants ne sont pas reconnus. Adressez-vous à la scolarité.";

    private static StudentMessagesProperties bind(Binder binder) {
        return binder.bind("examgate.messages", StudentMessagesProperties.class)
                .orElseGet(() -> new StudentMessagesProperties(null));
    }

    private static StudentMessagesProperties bind(List<PropertySource<?>> sources) {
        return bind(new Binder(ConfigurationPropertySources.from(sources)));
    }

    /** Environment variables exactly as the operating system hands them to Spring Boot. */
    private static StudentMessagesProperties bindEnvironment(Map<String, Object> variables) {
        return bind(List.of(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    private static List<PropertySource<?>> load(String name, String text, boolean yaml) throws IOException {
        ByteArrayResource resource = new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), name);
        return yaml ? new YamlPropertySourceLoader().load(name, resource)
                : new PropertiesPropertySourceLoader().load(name, resource);
    }

    @Test
    void environmentVariablesOverrideAMessageWithAnUnderscoreInItsCode() {
        StudentMessagesProperties properties = bindEnvironment(Map.of(
                "EXAMGATE_MESSAGES_OVERRIDES_FR_INVALID_CREDENTIALS", FRENCH,
                "EXAMGATE_MESSAGES_OVERRIDES_EN_EXAM_NOT_OPEN", "This exam opens later today.",
                "EXAMGATE_MESSAGES_OVERRIDES_RU_LOCKED", "Повторите попытку через {0} мин."));

        assertThat(properties.find("fr", "invalid_credentials")).contains(FRENCH);
        assertThat(properties.find("en", "exam_not_open")).contains("This exam opens later today.");
        assertThat(properties.find("ru", "locked")).contains("Повторите попытку через {0} мин.");
        assertThat(properties.find("fr", "locked")).isEmpty();
    }

    @Test
    void applicationYamlOverridesMessagesWithOrWithoutBrackets() throws IOException {
        StudentMessagesProperties properties = bind(load("application.yml", """
                examgate:
                  messages:
                    overrides:
                      fr:
                        invalid_credentials: "%s"
                        "[not_enrolled]": "Vous n''êtes pas sur la liste de cet examen."
                      pt:
                        locked: "Aguarde {0,choice,1#{0} minuto|1<{0} minutos}."
                      ar:
                        exam_closed: "انتهى هذا الامتحان."
                """.formatted(FRENCH), true));

        assertThat(properties.find("ar", "exam_closed")).as("YAML is read as UTF-8").contains("انتهى هذا الامتحان.");
        assertThat(properties.find("fr", "invalid_credentials")).contains(FRENCH);
        assertThat(properties.find("fr", "not_enrolled")).contains("Vous n''êtes pas sur la liste de cet examen.");
        StudentMessages messages = new StudentMessages(Clock.systemUTC(), properties);
        assertThat(messages.format("locked", StudentMessages.localeOf("pt-BR"), 3)).isEqualTo("Aguarde 3 minutos.");
        assertThat(messages.format("not_enrolled", StudentMessages.localeOf("fr-CA"), 3))
                .isEqualTo("Vous n'êtes pas sur la liste de cet examen.");
    }

    /** Spring Boot reads .properties files as ISO-8859-1: other characters are written as Unicode escapes. */
    @Test
    void anExtraPropertiesFileOverridesMessages() throws IOException {
        StudentMessagesProperties properties = bind(load("messages.properties", """
                examgate.messages.overrides.de.invalid_credentials=Ihre Angaben wurden nicht erkannt.
                examgate.messages.overrides.de.exam-closed=Die Pr\\u00fcfung ist beendet.
                examgate.messages.overrides.ru.exam_closed=\\u042d\\u043a\\u0437\\u0430\\u043c\\u0435\\u043d \\
                  \\u0437\\u0430\\u0432\\u0435\\u0440\\u0448\\u0451\\u043d.
                examgate.messages.overrides.sw.busy=Seva ina shughuli nyingi. Tafadhali jaribu tena baada ya dakika moja.
                """, false));

        assertThat(properties.find("de", "invalid_credentials")).contains("Ihre Angaben wurden nicht erkannt.");
        assertThat(properties.find("de", "exam_closed")).contains("Die Prüfung ist beendet.");
        assertThat(properties.find("ru", "exam_closed")).contains("Экзамен завершён.");
        assertThat(properties.find("sw", "busy")).isPresent();
    }

    @Test
    void springApplicationJsonOverridesMessages() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("spring.application.json", """
                        {"examgate": {"messages": {"overrides": {"tr": {"invalid_credentials": "Bilgileriniz tanınmadı."}}}}}
                        """)));
        new SpringApplicationJsonEnvironmentPostProcessor()
                .postProcessEnvironment(environment, new SpringApplication());

        assertThat(bind(Binder.get(environment)).find("tr", "invalid_credentials")).contains("Bilgileriniz tanınmadı.");
    }

    @Test
    void languagesAreBoundWhateverTheirCase() {
        StudentMessagesProperties properties = bind(new Binder(new MapConfigurationPropertySource(Map.of(
                "examgate.messages.overrides.PT.busy", "Servidor ocupado. Tente novamente dentro de um minuto.",
                "examgate.messages.overrides[ZH].busy", "服务器繁忙，请稍后重试。"))));

        assertThat(properties.find("pt", "busy")).isPresent();
        assertThat(properties.find("zh", "busy")).contains("服务器繁忙，请稍后重试。");
    }

    @Test
    void nothingConfiguredBindsNoOverrides() {
        StudentMessagesProperties properties = bindEnvironment(Map.of("PATH", "/usr/bin"));

        assertThat(properties.overrides()).isEmpty();
        assertThat(properties.find(Locale.ENGLISH.getLanguage(), "busy")).isEqualTo(Optional.empty());
    }

    @Test
    void aMistakenOverrideStopsTheBindingWithTheReason() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bindEnvironment(Map.of("EXAMGATE_MESSAGES_OVERRIDES_FR_INVALID_CREDENTIAL", FRENCH)))
                .havingRootCause().withMessageContaining("invalid_credentials");
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bindEnvironment(Map.of("EXAMGATE_MESSAGES_OVERRIDES_FR_BUSY", "L'université est occupée.")))
                .havingRootCause().withMessageContaining("''");
    }
}
