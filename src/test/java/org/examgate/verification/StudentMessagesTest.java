package org.examgate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped translations, the choice of language and a university's overrides, without Spring. */
class StudentMessagesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The codes a refused student can be shown: every outcome but verified. */
    private static final List<String> CODES = Arrays.stream(Outcome.values())
            .filter(outcome -> outcome != Outcome.VERIFIED).map(Outcome::code).toList();

    private static final List<Long> MINUTES = List.of(1L, 2L, 3L, 5L, 11L, 12L, 15L, 21L, 22L, 25L, 60L, 100L);

    private static final StudentMessages MESSAGES = messages(Map.of());

    private static StudentMessages messages(Map<String, Map<String, String>> overrides) {
        return new StudentMessages(CLOCK, new StudentMessagesProperties(overrides));
    }

    /** The raw patterns of one language's own file (English: the default file), read as UTF-8. */
    private static Properties file(String language) {
        String name = "messages/student-messages" + ("en".equals(language) ? "" : "_" + language) + ".properties";
        try (InputStream in = StudentMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(Outcome outcome, String language) {
        return MESSAGES.messageFor(new VerificationResult(UUID.randomUUID(), outcome, Optional.empty(), Optional.empty()),
                language);
    }

    private static String locked(StudentMessages messages, String language, long minutes) {
        return messages.messageFor(new VerificationResult(UUID.randomUUID(), Outcome.LOCKED, Optional.empty(),
                Optional.of(NOW.plus(Duration.ofMinutes(minutes)))), language);
    }

    private static String locked(String language, long minutes) {
        return locked(MESSAGES, language, minutes);
    }

    // --- the shipped files ------------------------------------------------------------------------------

    @Test
    void twelveLanguagesAreShippedAndEachHasAFileOfItsOwn() throws IOException, URISyntaxException {
        assertThat(StudentMessages.LANGUAGES).containsExactlyInAnyOrder("en", "fr", "es", "pt", "ru", "ar", "de", "pl",
                "tr", "zh", "th", "sw");
        URL folder = StudentMessagesTest.class.getClassLoader().getResource("messages");
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(folder.toURI()))) {
            files = list.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = StudentMessages.LANGUAGES.stream()
                .map(language -> "student-messages" + ("en".equals(language) ? "" : "_" + language) + ".properties")
                .collect(Collectors.toSet());
        assertThat(files).as("a file for every shipped language and none for another").isEqualTo(expected);
    }

    @Test
    void theEnglishFileHasEveryCode() {
        Properties english = file("en");
        assertThat(english.stringPropertyNames()).containsAll(CODES).contains("verified");
        CODES.forEach(code -> assertThat(english.getProperty(code)).as(code).isNotBlank());
    }

    @Test
    void everyLanguageHasItsOwnNonBlankMessageForEveryCodeAndNoOtherKeys() {
        for (String language : StudentMessages.LANGUAGES) {
            Properties own = file(language);
            for (String code : CODES) {
                assertThat(own.getProperty(code)).as(language + " " + code).isNotBlank();
            }
            Set<String> allowed = new HashSet<>(CODES);
            allowed.add("verified");
            assertThat(own.stringPropertyNames()).as(language + " has only message codes").isSubsetOf(allowed);
        }
    }

    @Test
    void noEnglishIsLeftInAnotherLanguagesFile() {
        Properties english = file("en");
        Set<String> englishTexts = CODES.stream().map(english::getProperty).collect(Collectors.toSet());
        for (String language : StudentMessages.LANGUAGES) {
            if ("en".equals(language)) {
                continue;
            }
            Properties own = file(language);
            for (String code : CODES) {
                assertThat(own.getProperty(code)).as(language + " " + code + " is still English")
                        .isNotIn(englishTexts);
                for (long minutes : MINUTES) {
                    assertThat(MESSAGES.format(code, Locale.forLanguageTag(language), minutes))
                            .as(language + " " + code)
                            .isNotEqualTo(MESSAGES.format(code, Locale.ENGLISH, minutes));
                }
            }
        }
    }

    @Test
    void everyMessageFormatsWithAnyNumberOfMinutes() {
        for (String language : StudentMessages.LANGUAGES) {
            for (String code : CODES) {
                for (long minutes : MINUTES) {
                    String text = MESSAGES.format(code, Locale.forLanguageTag(language), minutes);
                    assertThat(text).as(language + " " + code + " " + minutes).isNotBlank()
                            .doesNotContain("{", "}", "#", "|").isEqualTo(text.strip());
                }
            }
        }
    }

    @Test
    void theLockedMessageSaysInHowManyMinutesToTryAgain() {
        for (String language : StudentMessages.LANGUAGES) {
            NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.forLanguageTag(language));
            for (long minutes : MINUTES) {
                String text = locked(language, minutes);
                if ("ar".equals(language) && minutes <= 2) {
                    // Arabic says "one minute" and "two minutes" (the dual) in words.
                    assertThat(text).as(language + " " + minutes).contains(minutes == 1 ? "دقيقة واحدة" : "دقيقتين");
                } else {
                    assertThat(containsNumber(text, numbers.format(minutes))).as(language + " " + minutes + ": " + text)
                            .isTrue();
                }
                assertThat(text).as(language + " " + minutes).isNotEqualTo(locked(language, minutes + 1));
            }
        }
    }

    /** Whether the text holds this number on its own, not as part of a longer one (digits of any script). */
    private static boolean containsNumber(String text, String number) {
        for (int at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
            int end = at + number.length();
            if ((at == 0 || !Character.isDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theLockedMessageRoundsAPartMinuteUp() {
        String text = MESSAGES.messageFor(new VerificationResult(UUID.randomUUID(), Outcome.LOCKED, Optional.empty(),
                Optional.of(NOW.plusSeconds(61))), "en");
        assertThat(text).contains("in 2 minutes");
    }

    @Test
    void languagesWithOneAndOtherSayMinuteForOneAndMinutesForMore() {
        Map<String, String[]> forms = new LinkedHashMap<>();
        forms.put("en", new String[] {"1 minute.", "{0} minutes."});
        forms.put("fr", new String[] {"1 minute.", "{0} minutes."});
        forms.put("es", new String[] {"1 minuto.", "{0} minutos."});
        forms.put("pt", new String[] {"1 minuto.", "{0} minutos."});
        forms.put("de", new String[] {"1 Minute erneut.", "{0} Minuten erneut."});
        forms.put("tr", new String[] {"1 dakika sonra", "{0} dakika sonra"});
        forms.put("zh", new String[] {"1分钟后", "{0}分钟后"});
        forms.put("th", new String[] {"อีก 1 นาที", "อีก {0} นาที"});
        forms.put("sw", new String[] {"dakika 1.", "dakika {0}."});
        forms.forEach((language, expected) -> {
            assertThat(locked(language, 1)).as(language).contains(expected[0]);
            for (long minutes : List.of(2L, 5L, 21L, 22L, 100L)) {
                String many = expected[1].replace("{0}", Long.toString(minutes));
                assertThat(locked(language, minutes)).as(language + " " + minutes).contains(many);
            }
        });
    }

    @Test
    void russianHasItsThreePluralFormsFromOneToAHundredMinutes() {
        for (long n = 1; n <= 100; n++) {
            String form = n % 10 == 1 && n % 100 != 11 ? "минуту"
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "минуты" : "минут";
            assertThat(locked("ru", n)).as("ru " + n).endsWith("через " + n + " " + form + ".");
        }
    }

    @Test
    void polishHasItsThreePluralFormsFromOneToAHundredMinutes() {
        for (long n = 1; n <= 100; n++) {
            String form = n == 1 ? "minutę"
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "minuty" : "minut";
            assertThat(locked("pl", n)).as("pl " + n).endsWith("za " + n + " " + form + ".");
        }
    }

    @Test
    void arabicHasItsOneTwoFewAndManyForms() {
        NumberFormat arabic = NumberFormat.getIntegerInstance(Locale.forLanguageTag("ar"));
        assertThat(locked("ar", 1)).endsWith("بعد دقيقة واحدة.");
        assertThat(locked("ar", 2)).endsWith("بعد دقيقتين.");
        for (long n : List.of(3L, 7L, 10L, 103L, 110L)) {
            assertThat(locked("ar", n)).as("ar " + n).endsWith("بعد " + arabic.format(n) + " دقائق.");
        }
        for (long n : List.of(11L, 15L, 99L, 100L, 102L, 111L)) {
            assertThat(locked("ar", n)).as("ar " + n).endsWith("بعد " + arabic.format(n) + " دقيقة.");
        }
    }

    @Test
    void apostrophesAreWrittenTwiceAndComeOutOnce() {
        for (String language : StudentMessages.LANGUAGES) {
            Properties own = file(language);
            for (String code : CODES) {
                String pattern = own.getProperty(code);
                assertThat(pattern.replace("''", "")).as(language + " " + code + " has a lone apostrophe")
                        .doesNotContain("'");
                long written = (pattern.length() - pattern.replace("''", "").length()) / 2;
                String text = MESSAGES.format(code, Locale.forLanguageTag(language), 5);
                assertThat(text.chars().filter(c -> c == '\'').count()).as(language + " " + code).isEqualTo(written);
            }
        }
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "fr")).startsWith("L'identifiant").contains("code d'accès");
        assertThat(refusal(Outcome.EXAM_NOT_OPEN, "fr")).isEqualTo("Cet examen n'est pas encore ouvert.");
        assertThat(refusal(Outcome.BUSY, "en")).startsWith("The university's server");
    }

    @Test
    void eachLanguageIsWrittenInItsOwnScript() {
        Map<String, Character.UnicodeScript> scripts = Map.of("ar", Character.UnicodeScript.ARABIC, "zh",
                Character.UnicodeScript.HAN, "th", Character.UnicodeScript.THAI, "ru", Character.UnicodeScript.CYRILLIC);
        for (String language : StudentMessages.LANGUAGES) {
            Character.UnicodeScript script = scripts.getOrDefault(language, Character.UnicodeScript.LATIN);
            for (String code : CODES) {
                String text = MESSAGES.format(code, Locale.forLanguageTag(language), 5);
                List<String> letters = text.codePoints().filter(Character::isLetter).mapToObj(Character::toString)
                        .toList();
                assertThat(letters).as(language + " " + code).isNotEmpty()
                        .allSatisfy(letter -> assertThat(Character.UnicodeScript.of(letter.codePointAt(0)))
                                .as(language + " " + code + " letter " + letter).isEqualTo(script));
            }
        }
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "ar")).contains("كلمة المرور");
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "zh")).contains("密码");
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "th")).contains("รหัสผ่าน");
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "ru")).contains("пароль");
    }

    @Test
    void theWrongCredentialMessageDoesNotSayWhichValueWasWrong() {
        for (String language : StudentMessages.LANGUAGES) {
            String invalid = refusal(Outcome.INVALID_CREDENTIALS, language);
            assertThat(invalid).as(language).isNotEqualTo(refusal(Outcome.MISSING_CREDENTIALS, language));
            assertThat(invalid).as(language).isEqualTo(MESSAGES.format("invalid_credentials",
                    Locale.forLanguageTag(language), 1));
        }
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "en")).contains("identifier, password or access code");
    }

    // --- choosing the language --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"pt", "pt-BR", "PT-br", "pt_BR", "pt-PT", " pt-br ", "pt-BR,pt;q=0.9,en;q=0.8"})
    void portugueseVariantsGetPortuguese(String tag) {
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, tag)).isEqualTo(refusal(Outcome.INVALID_CREDENTIALS, "pt"))
                .isEqualTo("O identificador, a senha ou o código de acesso não está correto.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "ZH", "zh-CN", "zh_CN", "zh-Hans", "zh-Hans-CN", "zh_Hans_CN", "zh-TW", "zh-Hant-HK"})
    void chineseVariantsGetSimplifiedChinese(String tag) {
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, tag)).isEqualTo("您输入的账号、密码或访问码不正确。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "EN-us", "en_GB", "en-US-x-lvariant-POSIX"})
    void englishVariantsGetEnglish(String tag) {
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, tag))
                .isEqualTo("The identifier, password or access code you entered is not correct.");
    }

    @Test
    void everyShippedLanguageIsChosenByItsCodeInAnyCaseAndWithARegion() {
        Map<String, String> tags = Map.ofEntries(Map.entry("fr", "FR-ca"), Map.entry("es", "es-419"),
                Map.entry("pt", "pt-AO"), Map.entry("ru", "RU_ru"), Map.entry("ar", "ar-EG"), Map.entry("de", "de-AT"),
                Map.entry("pl", "PL-PL"), Map.entry("tr", "tr-TR"), Map.entry("zh", "zh-SG"), Map.entry("th", "th_TH"),
                Map.entry("sw", "sw-KE"), Map.entry("en", "en-NG"));
        tags.forEach((language, tag) -> {
            for (String code : CODES) {
                assertThat(MESSAGES.format(code, StudentMessages.localeOf(tag), 15)).as(tag + " " + code)
                        .isEqualTo(MESSAGES.format(code, Locale.forLanguageTag(language), 15));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "xx", "it", "it-IT", "fa", "hi-IN", "english", "Russian", "../../etc",
            "..\\..\\windows", "/etc/passwd", "12345", "42", "-1", "3.14", "-", "_", "--", "und", "x-private", "en-",
            "-en", "<script>alert(1)</script>", "'; drop table student; --", "%00", "\u0000ru", "null",
            "${jndi:ldap://x}", "{0}", "ру", "中文"})
    void unknownEmptyOrMalformedLanguagesGetEnglish(String tag) {
        for (String code : CODES) {
            assertThat(MESSAGES.format(code, StudentMessages.localeOf(tag), 15)).as("[" + tag + "] " + code)
                    .isEqualTo(MESSAGES.format(code, Locale.ENGLISH, 15));
        }
        assertThat(locked(tag, 15)).as("English numbers too").isEqualTo("Too many unsuccessful attempts. Please try "
                + "again in 15 minutes.");
    }

    @Test
    void noLanguageAndVeryLongLanguagesGetEnglish() {
        String english = refusal(Outcome.INVALID_CREDENTIALS, "en");
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, null)).isEqualTo(english);
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "a".repeat(100_000))).isEqualTo(english);
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "ru-" + "x".repeat(100_000)))
                .isEqualTo(refusal(Outcome.INVALID_CREDENTIALS, "ru"));
        assertThat(refusal(Outcome.INVALID_CREDENTIALS, "9".repeat(100_000))).isEqualTo(english);
        assertThat(StudentMessages.localeOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(StudentMessages.localeOf("../../etc")).isEqualTo(Locale.ENGLISH);
        assertThat(StudentMessages.localeOf("12345")).isEqualTo(Locale.ENGLISH);
        assertThat(StudentMessages.localeOf("pt-BR").getLanguage()).isEqualTo("pt");
        assertThat(StudentMessages.localeOf("zh_CN").getLanguage()).isEqualTo("zh");
        assertThat(StudentMessages.localeOf("EN-us").getLanguage()).isEqualTo("en");
    }

    // --- a university's overrides -----------------------------------------------------------------------

    @Test
    void anOverrideReplacesThatLanguagesMessageForAllItsRegionsAndNothingElse() {
        StudentMessages messages = messages(Map.of("fr", Map.of("invalid_credentials",
                "Vos informations de connexion ne sont pas reconnues. Vérifiez-les ou adressez-vous à la scolarité d''UFR.")));
        String override = "Vos informations de connexion ne sont pas reconnues. Vérifiez-les ou adressez-vous à la "
                + "scolarité d'UFR.";
        for (String tag : List.of("fr", "FR", "fr-CA", "fr_BE")) {
            assertThat(messages.format("invalid_credentials", StudentMessages.localeOf(tag), 1)).isEqualTo(override);
        }
        assertThat(messages.format("not_enrolled", Locale.FRENCH, 1)).isEqualTo(MESSAGES.format("not_enrolled",
                Locale.FRENCH, 1));
        assertThat(messages.format("invalid_credentials", Locale.GERMAN, 1)).isEqualTo(MESSAGES.format(
                "invalid_credentials", Locale.GERMAN, 1));
        assertThat(messages.format("invalid_credentials", Locale.ENGLISH, 1)).isEqualTo(MESSAGES.format(
                "invalid_credentials", Locale.ENGLISH, 1));
    }

    @Test
    void anEnglishOverrideAlsoAnswersLanguagesWithoutMessagesButNotShippedOnes() {
        StudentMessages messages = messages(Map.of("en", Map.of("locked",
                "Please wait {0,choice,1#one minute|1<{0} minutes} and try again, or call the exams office.")));
        assertThat(locked(messages, "en-GB", 1)).isEqualTo("Please wait one minute and try again, or call the exams "
                + "office.");
        assertThat(locked(messages, "xx", 15)).isEqualTo("Please wait 15 minutes and try again, or call the exams "
                + "office.");
        assertThat(locked(messages, "../../etc", 22)).contains("22 minutes");
        assertThat(locked(messages, "fa", 15)).as("English numbers").contains("15 minutes");
        assertThat(locked(messages, "ru", 15)).isEqualTo(locked("ru", 15));
    }

    @Test
    void aLanguageExamgateDoesNotShipCanBeAddedByOverrides() {
        StudentMessages messages = messages(Map.of("it", Map.of("invalid_credentials",
                "L''identificativo, la password o il codice di accesso non sono corretti."),
                "en", Map.of("busy", "Our server is busy; please try again in a minute.")));
        assertThat(messages.format("invalid_credentials", StudentMessages.localeOf("it-IT"), 1))
                .isEqualTo("L'identificativo, la password o il codice di accesso non sono corretti.");
        assertThat(messages.format("busy", StudentMessages.localeOf("it-IT"), 1))
                .as("codes not overridden in Italian fall back to English, overrides included")
                .isEqualTo("Our server is busy; please try again in a minute.");
        assertThat(messages.format("exam_closed", StudentMessages.localeOf("it"), 1)).isEqualTo("This exam is closed.");
    }

    @Test
    void overridesGoThroughMessageFormatWithTheMinutes() {
        StudentMessages messages = messages(Map.of("ru", Map.of("locked",
                "Вход временно заблокирован. Повторите попытку через {0} мин."), "pt", Map.of("locked",
                "Aguarde {0,choice,1#{0} minuto|1<{0} minutos} e tente de novo.")));
        assertThat(locked(messages, "ru-RU", 7)).isEqualTo("Вход временно заблокирован. Повторите попытку через 7 мин.");
        assertThat(locked(messages, "pt-BR", 1)).isEqualTo("Aguarde 1 minuto e tente de novo.");
        assertThat(locked(messages, "pt-BR", 12)).isEqualTo("Aguarde 12 minutos e tente de novo.");
    }

    @Test
    void overrideKeysAreMatchedWhateverTheSeparatorOrCase() {
        for (String key : List.of("invalid_credentials", "invalid.credentials", "invalid-credentials",
                "invalidcredentials", "INVALID_CREDENTIALS", "invalidCredentials")) {
            StudentMessages messages = messages(Map.of("DE", Map.of(key, "Angaben nicht erkannt.")));
            assertThat(messages.format("invalid_credentials", Locale.GERMANY, 1)).as(key)
                    .isEqualTo("Angaben nicht erkannt.");
        }
    }

    @Test
    void overridesThatWouldNotShowAsWrittenAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("fr", Map.of("invalid_credential", "x"))))
                .withMessageContaining("invalid_credential").withMessageContaining("invalid_credentials");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("fr", Map.of("verified", "x"))))
                .withMessageContaining("verified");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("pt-BR", Map.of("busy", "x"))))
                .withMessageContaining("pt-BR");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("../x", Map.of("busy", "x"))))
                .withMessageContaining("../x");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("fr", Map.of("busy", "L'université est occupée."))))
                .withMessageContaining("examgate.messages.overrides.fr.busy").withMessageContaining("''");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("en", Map.of("locked", "Wait {0 minutes."))))
                .withMessageContaining("examgate.messages.overrides.en.locked");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudentMessagesProperties(Map.of("en", Map.of("busy", " "))))
                .withMessageContaining("examgate.messages.overrides.en.busy");
    }

    @Test
    void noOverridesIsTheSameAsNone() {
        StudentMessages none = new StudentMessages(CLOCK, new StudentMessagesProperties(null));
        for (String language : StudentMessages.LANGUAGES) {
            assertThat(locked(none, language, 5)).isEqualTo(locked(language, 5));
        }
    }
}
