package org.examgate.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.examgate.support.ExamgateTest;
import org.examgate.support.Fixtures;
import org.examgate.support.Http;
import org.examgate.support.Http.Response;
import org.examgate.support.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;

/** Student photos over real HTTP: upload, checks, download, delete, and the signed links the platform fetches. */
@ExamgateTest
@ExtendWith(OutputCaptureExtension.class)
class StudentPhotoTest {

    private static final String PASSWORD = "photo day password";
    private static final int MIB = 1024 * 1024;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    PhotoLinkSigner signer;

    @Autowired
    PhotoStore store;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(http);
    }

    // --- upload ---

    @Test
    void aJpegUploadedAsAFormFieldIsStoredAndItsSizeReported() {
        String id = id(fixtures.student(PASSWORD));
        byte[] jpeg = image("jpeg", 1600, 1600);

        Response answer = uploadPart("PUT", id, "portrait.jpg", "image/jpeg", jpeg);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode photo = answer.json();
        assertThat(photo.get("width").intValue()).isEqualTo(1600);
        assertThat(photo.get("height").intValue()).isEqualTo(1600);
        assertThat(photo.get("contentType").stringValue()).isEqualTo("image/jpeg");
        assertThat(photo.get("bytes").intValue()).isEqualTo(jpeg.length);
        assertThat(photo.has("warning")).isTrue();
        assertThat(photo.get("warning").isNull()).as("large enough for face matching").isTrue();
    }

    @Test
    void anUploadAbandonedHalfwayIsLoggedAsTheCallerGoneNotAsAFailureAndStoresNothing(CapturedOutput output)
            throws IOException {
        String id = id(fixtures.student(PASSWORD));
        byte[] png = image("png", 1600, 1600);

        http.abandon("PUT", photoPath(id), adminHeaders("image/png"), png.length, Arrays.copyOf(png, png.length / 2));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll()).contains("The caller went away before its request"));
        assertThat(output.getAll()).as("no failure, no stack trace").doesNotContain("Unexpected failure")
                .doesNotContain("\tat org.apache");
        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json().get("hasPhoto").booleanValue()).isFalse();
    }

    @Test
    void aPngSentAsTheRawBodyIsStoredToo() {
        String id = id(fixtures.student(PASSWORD));
        byte[] png = image("png", 1600, 1601);

        Response answer = uploadRaw("POST", id, "image/png", png);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("contentType").stringValue()).isEqualTo("image/png");
        assertThat(answer.json().get("width").intValue()).isEqualTo(1600);
        assertThat(answer.json().get("height").intValue()).isEqualTo(1601);
        assertThat(answer.json().get("bytes").intValue()).isEqualTo(png.length);
    }

    @Test
    void aPngAsAFormFieldAndAJpegAsTheBodyWorkWithEitherMethod() {
        String id = id(fixtures.student(PASSWORD));

        Response png = uploadPart("POST", id, "portrait.png", "image/png", image("png", 1600, 1600));
        Response jpeg = uploadRaw("PUT", id, "image/jpeg", image("jpeg", 1700, 1600));

        assertThat(png.status()).as(png.toString()).isEqualTo(200);
        assertThat(png.json().get("contentType").stringValue()).isEqualTo("image/png");
        assertThat(jpeg.status()).as(jpeg.toString()).isEqualTo(200);
        assertThat(jpeg.json().get("contentType").stringValue()).isEqualTo("image/jpeg");
        assertThat(jpeg.json().get("width").intValue()).isEqualTo(1700);
    }

    @Test
    void theTypeReportedIsWhatTheBytesAreNotWhatTheUploadClaims() {
        String id = id(fixtures.student(PASSWORD));

        Response answer = uploadPart("PUT", id, "portrait.jpg", "image/jpeg", image("png", 1600, 1600));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("contentType").stringValue()).isEqualTo("image/png");
        assertThat(download(id).contentType()).isEqualTo("image/png");
    }

    @Test
    void aPhotoSmallerThanThePlatformRecommendsIsStoredWithAWarning() {
        String id = id(fixtures.student(PASSWORD));

        Response answer = uploadRaw("PUT", id, "image/jpeg", image("jpeg", 200, 200));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("width").intValue()).isEqualTo(200);
        assertThat(answer.json().get("warning").stringValue()).contains("200×200").contains("1500×1500");
        assertThat(photoCount(id)).isEqualTo(1);
    }

    @Test
    void oneSideUnderTheRecommendationIsEnoughForTheWarning() {
        String id = id(fixtures.student(PASSWORD));

        Response answer = uploadRaw("PUT", id, "image/png", image("png", 1600, 1200));

        assertThat(answer.json().get("warning").stringValue()).contains("1600×1200");
    }

    @Test
    void aRenamedTextFileIsRefused() {
        String id = id(fixtures.student(PASSWORD));
        byte[] text = "This is not a photo, only a text file renamed to .jpg\n".repeat(50)
                .getBytes(StandardCharsets.UTF_8);

        Response part = uploadPart("PUT", id, "portrait.jpg", "image/jpeg", text);
        Response raw = uploadRaw("PUT", id, "image/jpeg", text);

        assertProblem(part, 400, "not an image");
        assertProblem(raw, 400, "not an image");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void aTruncatedPngIsRefused() {
        String id = id(fixtures.student(PASSWORD));
        byte[] png = image("png", 1600, 1600);

        Response answer = uploadRaw("PUT", id, "image/png", Arrays.copyOf(png, png.length / 2));

        assertProblem(answer, 400, "damaged or incomplete");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void aTruncatedJpegIsRefused() {
        String id = id(fixtures.student(PASSWORD));
        byte[] jpeg = image("jpeg", 1600, 1600);

        Response answer = uploadPart("PUT", id, "portrait.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2));

        assertProblem(answer, 400, "damaged or incomplete");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void anImageThatIsNeitherJpegNorPngIsRefused() {
        String id = id(fixtures.student(PASSWORD));

        Response gif = uploadPart("PUT", id, "portrait.jpg", "image/jpeg", image("gif", 300, 300));
        Response bmp = uploadRaw("PUT", id, "image/png", image("bmp", 300, 300));

        assertProblem(gif, 400, "Only JPEG and PNG");
        assertProblem(bmp, 400, "Only JPEG and PNG");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void anImageOfMorePixelsThanExamgateDecodesIsRefusedBeforeDecoding() {
        String id = id(fixtures.student(PASSWORD));
        byte[] png = image("png", 100, 100);
        // Claims 20000×20000 in its header; the pixel data that would follow is not needed to refuse it.
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 20_000).putInt(20, 20_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());

        Response answer = uploadRaw("PUT", id, "image/png", png);

        assertProblem(answer, 400, "20000×20000 pixels");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void anEmptyUploadIsRefused() {
        String id = id(fixtures.student(PASSWORD));

        assertProblem(uploadRaw("PUT", id, "image/png", new byte[0]), 400, "empty");
        assertProblem(uploadPart("PUT", id, "portrait.png", "image/png", new byte[0]), 400, "empty");
    }

    @Test
    void aFormWithoutTheFileFieldIsRefused() {
        String id = id(fixtures.student(PASSWORD));
        String boundary = "----examgate-test-boundary";
        byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8);

        Response answer = http.send("PUT", photoPath(id), adminHeaders("multipart/form-data; boundary=" + boundary), form);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPhotoOverTenMebibytesIsRefusedAsTooLarge() {
        String id = id(fixtures.student(PASSWORD));
        byte[] tooLarge = new byte[10 * MIB + 1024];
        byte[] png = image("png", 200, 200);
        System.arraycopy(png, 0, tooLarge, 0, png.length);

        Response raw = uploadRaw("PUT", id, "image/png", tooLarge);
        Response part = uploadPart("POST", id, "portrait.png", "image/png", tooLarge);

        assertProblem(raw, 413, "10 MiB");
        assertProblem(part, 413, "10 MiB");
        assertThat(photoCount(id)).isZero();
    }

    @Test
    void aPhotoOfExactlyTheLimitIsNotRefusedForItsSize() {
        String id = id(fixtures.student(PASSWORD));
        byte[] atLimit = new byte[10 * MIB];
        byte[] jpeg = image("jpeg", 300, 300);
        // Bytes after a JPEG's end marker are ignored by decoders: a valid image of exactly 10 MiB.
        System.arraycopy(jpeg, 0, atLimit, 0, jpeg.length);

        Response answer = uploadRaw("PUT", id, "image/jpeg", atLimit);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("bytes").intValue()).isEqualTo(10 * MIB);
    }

    @Test
    void aTypeThatIsNoImageIsUnsupported() {
        String id = id(fixtures.student(PASSWORD));

        Response answer = uploadRaw("PUT", id, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownStudentHasNoPhotoToUploadDownloadOrDelete() {
        String id = UUID.randomUUID().toString();

        assertProblem(uploadRaw("PUT", id, "image/png", image("png", 100, 100)), 404, id);
        assertProblem(http.admin("GET", photoPath(id), null), 404, id);
        assertProblem(http.admin("DELETE", photoPath(id), null), 404, id);
    }

    // --- download, delete, hasPhoto ---

    @Test
    void theDownloadIsTheUploadedFileWithItsContentType() {
        String id = id(fixtures.student(PASSWORD));
        byte[] jpeg = image("jpeg", 640, 480);
        uploadRaw("PUT", id, "image/jpeg", jpeg);

        HttpResponse<byte[]> downloaded = download(id).response();

        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(downloaded.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(downloaded.body()).isEqualTo(jpeg);
    }

    @Test
    void photosAreForStaffOnlyAndOnlyAdminsChangeThem() {
        String id = id(fixtures.student(PASSWORD));
        uploadRaw("PUT", id, "image/png", image("png", 300, 300));
        String viewer = Fixtures.unique("viewer-");
        jdbc.sql("insert into staff_account (id, username, password_hash, role, enabled, created_at, updated_at) "
                        + "values (?, ?, ?, 'VIEWER', true, ?, ?)")
                .params(UUID.randomUUID(), viewer, "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .update();
        Map<String, String> asViewer = Map.of("Authorization", Http.basic(viewer, PASSWORD));

        assertThat(http.send("GET", photoPath(id), Map.of(), null).status()).isEqualTo(401);
        assertThat(http.send("PUT", photoPath(id), Map.of("Content-Type", "image/png"), image("png", 300, 300)).status())
                .isEqualTo(401);
        assertThat(http.send("DELETE", photoPath(id), Map.of(), null).status()).isEqualTo(401);
        assertThat(http.send("GET", photoPath(id), asViewer, null).status()).isEqualTo(200);
        Map<String, String> viewerUpload = new LinkedHashMap<>(asViewer);
        viewerUpload.put("Content-Type", "image/png");
        assertThat(http.send("PUT", photoPath(id), viewerUpload, image("png", 300, 300)).status()).isEqualTo(403);
        assertThat(http.send("DELETE", photoPath(id), asViewer, null).status()).isEqualTo(403);
        assertThat(photoCount(id)).isEqualTo(1);
    }

    @Test
    void theStudentApiSaysWhetherAPhotoIsStored() {
        JsonNode student = fixtures.student(PASSWORD);
        String id = id(student);
        assertThat(student.get("hasPhoto").booleanValue()).isFalse();

        uploadRaw("PUT", id, "image/png", image("png", 300, 300));

        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json().get("hasPhoto").booleanValue()).isTrue();
        JsonNode found = http.admin("GET", "/api/v1/students?q=" + number(student), null).json().get("content");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("hasPhoto").booleanValue()).isTrue();
    }

    @Test
    void aDeletedPhotoIsGone() {
        String id = id(fixtures.student(PASSWORD));
        uploadRaw("PUT", id, "image/png", image("png", 300, 300));

        Response deleted = http.admin("DELETE", photoPath(id), null);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(photoCount(id)).isZero();
        assertProblem(http.admin("GET", photoPath(id), null), 404, "photo");
        assertProblem(http.admin("DELETE", photoPath(id), null), 404, "photo");
        assertThat(http.admin("GET", "/api/v1/students/" + id, null).json().get("hasPhoto").booleanValue()).isFalse();
    }

    @Test
    void theOpenApiDescriptionListsThePhotoOperationsButNotTheSignedLinks() {
        Response docs = http.admin("GET", "/v3/api-docs", null);

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        JsonNode photo = paths.get("/api/v1/students/{id}/photo");
        assertThat(photo).as(paths.propertyNames().toString()).isNotNull();
        assertThat(photo.propertyNames()).contains("get", "put", "post", "delete");
        assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/photos"));
    }

    // --- signed links in the verify answer ---

    @Test
    void theVerifyAnswerLinksToTheStoredPhotoWhichDownloadsWithoutLogin() {
        JsonNode student = fixtures.student(PASSWORD);
        String id = id(student);
        byte[] jpeg = image("jpeg", 1600, 1600);
        uploadRaw("PUT", id, "image/jpeg", jpeg);

        String link = photoLink(student);

        assertThat(link).startsWith(publicBaseUrl() + "/photos/" + id + "/");
        assertThat(URI.create(link).isAbsolute()).isTrue();
        assertThat(link).matches(".*/photos/" + id + "/[A-Za-z0-9_-]+\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}");
        HttpResponse<byte[]> fetched = fetch(link);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(jpeg);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetched.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(fetched.headers().allValues("Cache-Control")).hasSize(1);
        String cacheControl = fetched.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).matches("private, max-age=\\d+");
        long maxAge = Long.parseLong(cacheControl.substring(cacheControl.indexOf('=') + 1));
        assertThat(maxAge).as("never cached longer than the 24 h link lives").isPositive().isLessThanOrEqualTo(86_400);
        assertThat(fetched.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{64}\""));
        assertThat(fetched.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aFetchWithTheCurrentEtagIsNotModified() {
        JsonNode student = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        String link = photoLink(student);
        String etag = fetch(link).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = fetch(link, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aTamperedLinkIsRefusedAndEveryRefusalLooksTheSame() {
        JsonNode student = fixtures.student(PASSWORD);
        JsonNode other = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        uploadRaw("PUT", id(other), "image/png", image("png", 300, 300));
        String link = photoLink(student);
        String signature = link.substring(link.indexOf("signature=") + "signature=".length());
        String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        List<String> tampered = List.of(
                link.replace("signature=" + signature, "signature=" + flipped),
                link.replace(id(student), id(other)),
                link.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 3600)),
                link.substring(0, link.indexOf("&signature=")),
                link.substring(0, link.indexOf('?')),
                link.replace("/photos/" + id(student) + "/", "/photos/" + id(student) + "/AAAAAAAAAAAAAAAA-"),
                link.replace(id(student), "not-a-uuid"),
                link.replace("expires=" + expires, "expires=soon"));

        assertThat(fetch(link).statusCode()).as("the untouched link works").isEqualTo(200);
        for (String url : tampered) {
            assertRefused(fetch(url), url);
        }
    }

    @Test
    void anExpiredLinkIsRefused() {
        JsonNode student = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        UUID id = UUID.fromString(id(student));
        String version = store.find(id).orElseThrow().version();

        HttpResponse<byte[]> expired = fetch(signer.link(id, version, Instant.now().minusSeconds(5)));
        HttpResponse<byte[]> current = fetch(signer.link(id, version, Instant.now().plusSeconds(60)));

        assertRefused(expired, "expired");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("Cache-Control").orElseThrow())
                .as("no longer than the link lives").matches("private, max-age=([1-5]?[0-9]|60)");
    }

    @Test
    void aReplacedPhotoMakesOldLinksFail() {
        JsonNode student = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        String oldLink = photoLink(student);
        byte[] replacement = image("jpeg", 1600, 1600);

        uploadRaw("PUT", id(student), "image/jpeg", replacement);
        String newLink = photoLink(student);

        assertRefused(fetch(oldLink), oldLink);
        assertThat(newLink).isNotEqualTo(oldLink);
        HttpResponse<byte[]> fetched = fetch(newLink);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(replacement);
    }

    @Test
    void aDeletedPhotosLinkFails() {
        JsonNode student = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        String link = photoLink(student);

        http.admin("DELETE", photoPath(id(student)), null);

        assertRefused(fetch(link), link);
    }

    @Test
    void anExternalPhotoUrlIsPassedThroughUntilAPhotoIsStoredWhichWins() {
        String external = "https://photos.uni.example/" + UUID.randomUUID() + ".jpg";
        JsonNode student = fixtures.student(Map.of("password", PASSWORD, "photoUrl", external));

        assertThat(photoLink(student)).isEqualTo(external);

        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        assertThat(photoLink(student)).startsWith(publicBaseUrl() + "/photos/" + id(student) + "/");

        http.admin("DELETE", photoPath(id(student)), null);
        assertThat(photoLink(student)).isEqualTo(external);
    }

    @Test
    void onlyReadingIsAllowedOnPhotoLinks() {
        JsonNode student = fixtures.student(PASSWORD);
        uploadRaw("PUT", id(student), "image/png", image("png", 300, 300));
        String path = URI.create(photoLink(student)).getRawPath();

        Response posted = http.send("POST", path, Map.of("Content-Type", "image/png"), image("png", 10, 10));

        assertThat(posted.status()).isEqualTo(403);
    }

    @Test
    void thePublicBaseUrlMayHaveAPathAndATrailingSlashButMustBeAbsolute() {
        assertThat(new PublicBaseUrl(URI.create("https://gate.uni.example/exams/")).resolve("/photos/x"))
                .isEqualTo("https://gate.uni.example/exams/photos/x");
        assertThat(new PublicBaseUrl(URI.create("http://localhost:8080")).resolve("/photos/x"))
                .isEqualTo("http://localhost:8080/photos/x");
        assertThatThrownBy(() -> new PublicBaseUrl(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicBaseUrl(URI.create("ftp://gate.uni.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    /** The photo the verify answer hands the platform for this student, or null. */
    private String photoLink(JsonNode student) {
        JsonNode answer = http.webhook(Fixtures.verifyBody(Fixtures.unique("photo-exam-"), 0, number(student), 1,
                PASSWORD)).json();
        JsonNode metadata = answer.get("metadata");
        assertThat(metadata).as(answer.toString()).isNotNull();
        return metadata.has("photo") ? metadata.get("photo").stringValue() : null;
    }

    private String publicBaseUrl() {
        return environment.getRequiredProperty("examgate.public-base-url");
    }

    /** Fetches a link as the platform would, without credentials, from this test's server. */
    private HttpResponse<byte[]> fetch(String link, String... headers) {
        String local = link.startsWith(publicBaseUrl()) ? link.substring(publicBaseUrl().length()) : link;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + local))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    private Download download(String id) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + photoPath(id)))
                .header("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD))
                .GET().build());
        return new Download(response, response.headers().firstValue("Content-Type").orElse(""));
    }

    private record Download(HttpResponse<byte[]> response, String contentType) {
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    private Response uploadRaw(String method, String id, String contentType, byte[] body) {
        return http.send(method, photoPath(id), adminHeaders(contentType), body);
    }

    private Response uploadPart(String method, String id, String filename, String contentType, byte[] content) {
        String boundary = "----examgate-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(method, photoPath(id), adminHeaders("multipart/form-data; boundary=" + boundary),
                form.toByteArray());
    }

    private static Map<String, String> adminHeaders(String contentType) {
        return Map.of("Authorization", Http.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.ADMIN_PASSWORD),
                "Content-Type", contentType);
    }

    private static String photoPath(String id) {
        return "/api/v1/students/" + id + "/photo";
    }

    private int photoCount(String id) {
        return jdbc.sql("select count(*) from student_photo where student_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single();
    }

    private static void assertProblem(Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).as(response.toString()).contains(detailContains);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    /** A refused link: 403, and a body that says no more than that, whatever was wrong. */
    private static void assertRefused(HttpResponse<byte[]> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).as(what).contains("\"title\":\"Forbidden\"").doesNotContain("detail")
                .doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("signature")
                .doesNotContainIgnoringCase("version");
    }

    /** A picture with some detail in it, so that it compresses like a photo rather than to nothing. */
    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String id(JsonNode student) {
        return student.get("id").stringValue();
    }

    private static String number(JsonNode student) {
        return student.get("studentNumber").stringValue();
    }
}
