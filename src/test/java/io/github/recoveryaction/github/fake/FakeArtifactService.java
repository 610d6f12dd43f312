package io.github.recoveryaction.github.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * A stateful fake of one workflow run's artifacts, faithful where the client could go wrong: the results service's
 * Twirp methods (proto3 JSON, snake_case names, {@code int64} as strings, 409 for a taken name, artifacts visible
 * only once finalized), the blob store's block upload (Put Block with base64 ids, Put Block List, the SAS query must
 * arrive intact), and the REST artifacts API (pagination, {@code 302} to storage, storage refusing a forwarded
 * {@code Authorization} header). Mount it on a shared {@link FakeHttpServer} with {@link #register}.
 */
public final class FakeArtifactService {

    public static final String RUN_BACKEND_ID = "run-backend-0001";
    public static final String READ_TOKEN = "ghs_read-token";
    private static final String TWIRP = "/twirp/github\\.actions\\.results\\.api\\.v1\\.ArtifactService/";
    private static final String SAS = "sv=2023-11-03&se=2099-01-01&sr=b&sp=cw&sig=c2lnbmF0dXJl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A finalized (or pending) artifact. */
    public record Artifact(long id, String name, int attempt, String jobBackendId, byte[] content, String digest,
            Instant createdAt) {
    }

    private record Upload(String name, int attempt, String jobBackendId, Map<String, byte[]> blocks,
            Optional<byte[]> committed) {
    }

    private final String repository;
    private final long runId;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<Long, Artifact> artifacts = new LinkedHashMap<>();
    private FakeHttpServer server;
    private long nextId = 1000;
    private Instant clock = Instant.parse("2026-11-26T10:00:00Z");
    private boolean camelCaseAnswers;
    private boolean wrapDownloadsInZip;
    private boolean signedUrlOnlyForCurrentAttempt;
    private int currentAttempt = 1;
    private int corruptDownloads;
    private int cleanDownloadsBeforeCorruption;
    private int corruptAt;

    public FakeArtifactService(String repository, long runId) {
        this.repository = repository;
        this.runId = runId;
    }

    public FakeArtifactService register(FakeHttpServer target) {
        this.server = target;
        target.route("POST", TWIRP + "CreateArtifact", (r, g) -> twirp(r, this::create));
        target.route("POST", TWIRP + "FinalizeArtifact", (r, g) -> twirp(r, this::finalizeArtifact));
        target.route("POST", TWIRP + "ListArtifacts", (r, g) -> twirp(r, this::list));
        target.route("POST", TWIRP + "GetSignedArtifactURL", (r, g) -> twirp(r, this::signedUrl));
        target.route("POST", TWIRP + "DeleteArtifact", (r, g) -> twirp(r, this::deleteByName));
        target.route("PUT", "/blob/([^/]+)", (r, g) -> putBlob(r, g.get(0)));
        target.route("GET", "/repos/" + Pattern.quote(repository) + "/actions/runs/(\\d+)/artifacts", this::restList);
        target.route("GET", "/repos/" + Pattern.quote(repository) + "/actions/artifacts/(\\d+)/zip", this::restZip);
        target.route("DELETE", "/repos/" + Pattern.quote(repository) + "/actions/artifacts/(\\d+)", this::restDelete);
        target.route("GET", "/storage/(\\d+)", (r, g) -> storage(r, Long.parseLong(g.get(0))));
        return this;
    }

    /** The runtime token the runner would give a job of {@code attempt}. */
    public static String runtimeToken(int attempt) {
        String claims = "{\"scp\":\"Actions.GenericRead:x Actions.Results:" + RUN_BACKEND_ID + ":" + jobBackendId(attempt)
                + " Actions.UploadArtifacts:x\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    public static String jobBackendId(int attempt) {
        return "job-backend-attempt-" + attempt;
    }

    /** Answer in lowerCamelCase like the {@code act} emulator instead of GitHub's snake_case. */
    public FakeArtifactService answerInCamelCase() {
        camelCaseAnswers = true;
        return this;
    }

    /** Serve REST downloads wrapped in one more zip (what the UNCONFIRMED list leaves open). */
    public FakeArtifactService wrapDownloadsInZip() {
        wrapDownloadsInZip = true;
        return this;
    }

    /** GetSignedArtifactURL answers 404 for earlier attempts' artifacts (the 2026-07 regression). */
    public FakeArtifactService signedUrlOnlyForCurrentAttempt(int attempt) {
        signedUrlOnlyForCurrentAttempt = true;
        currentAttempt = attempt;
        return this;
    }

    /** After {@code skip} good ones, the next {@code times} storage downloads get the byte at {@code offset} flipped. */
    public synchronized FakeArtifactService corruptDownloads(int skip, int times, int offset) {
        cleanDownloadsBeforeCorruption = skip;
        corruptDownloads = times;
        corruptAt = offset;
        return this;
    }

    public synchronized List<Artifact> artifacts() {
        return List.copyOf(artifacts.values());
    }

    public synchronized boolean hasPendingUploads() {
        return !uploads.isEmpty();
    }

    private interface TwirpMethod {
        Response handle(JsonNode body, int attempt, String jobBackendId) throws IOException;
    }

    private Response twirp(RecordedRequest r, TwirpMethod method) throws IOException {
        String auth = r.header("Authorization");
        Matcher token = Pattern.compile("Bearer (.+)").matcher(auth == null ? "" : auth);
        if (!token.matches() || !"application/json".equals(r.header("Content-Type"))) {
            return twirpError(401, "unauthenticated", "missing runtime token or content type");
        }
        JsonNode body = JSON.readTree(r.body());
        for (String key : List.of("workflow_run_backend_id", "workflow_job_run_backend_id")) {
            if (!body.path(key).isTextual()) {
                return twirpError(400, "invalid_argument", "missing " + key);
            }
        }
        String job = body.get("workflow_job_run_backend_id").asText();
        Matcher attempt = Pattern.compile("job-backend-attempt-(\\d+)").matcher(job);
        if (!body.get("workflow_run_backend_id").asText().equals(RUN_BACKEND_ID) || !attempt.matches()) {
            return twirpError(404, "not_found", "workflow run not found");
        }
        synchronized (this) {
            return method.handle(body, Integer.parseInt(attempt.group(1)), job);
        }
    }

    private Response create(JsonNode body, int attempt, String job) {
        String name = body.path("name").asText("");
        if (name.isEmpty() || name.matches(".*[\":<>|*?\\r\\n\\\\/].*")) {
            return twirpError(400, "invalid_argument", "invalid artifact name");
        }
        if (!body.path("version").isInt()) {
            return twirpError(400, "invalid_argument", "version must be an int32");
        }
        if (body.has("expires_at") && !body.get("expires_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
            return twirpError(400, "invalid_argument", "expires_at must be an RFC 3339 timestamp");
        }
        if (artifacts.values().stream().anyMatch(a -> a.name().equals(name))) {
            return twirpError(409, "already_exists", "an artifact with this name already exists on the workflow run");
        }
        String blob = UUID.randomUUID().toString();
        uploads.put(blob, new Upload(name, attempt, job, new ConcurrentHashMap<>(), Optional.empty()));
        return answer(Map.of("ok", true, "signed_upload_url", server.url("/blob/" + blob + "?" + SAS)));
    }

    private Response putBlob(RecordedRequest r, String blob) {
        Upload upload = uploads.get(blob);
        String query = r.query() == null ? "" : r.query();
        if (upload == null || !query.startsWith(SAS)) {
            return Response.text(403, "AuthenticationFailed: the SAS query is missing or altered");
        }
        Map<String, String> params = queryParameters(query);
        if ("block".equals(params.get("comp"))) {
            String id = params.get("blockid");
            if (id == null || Base64.getDecoder().decode(id).length == 0) {
                return Response.text(400, "InvalidQueryParameterValue: blockid");
            }
            upload.blocks().put(id, r.body());
            return Response.empty(201);
        }
        if ("blocklist".equals(params.get("comp"))) {
            Matcher latest = Pattern.compile("<Latest>([^<]+)</Latest>").matcher(r.bodyText());
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (latest.find()) {
                byte[] block = upload.blocks().get(latest.group(1));
                if (block == null) {
                    return Response.text(400, "InvalidBlockList: block " + latest.group(1) + " was not uploaded");
                }
                content.writeBytes(block);
            }
            uploads.put(blob, new Upload(upload.name(), upload.attempt(), upload.jobBackendId(), upload.blocks(),
                    Optional.of(content.toByteArray())));
            return Response.empty(201);
        }
        return Response.text(400, "this fake only implements Put Block and Put Block List");
    }

    private Response finalizeArtifact(JsonNode body, int attempt, String job) {
        if (!body.path("size").isTextual()) {
            return twirpError(400, "invalid_argument", "size is an int64 and must be a JSON string");
        }
        String name = body.path("name").asText();
        Optional<Map.Entry<String, Upload>> pending = uploads.entrySet().stream()
                .filter(e -> e.getValue().name().equals(name) && e.getValue().jobBackendId().equals(job)).findFirst();
        if (pending.isEmpty() || pending.get().getValue().committed().isEmpty()) {
            return twirpError(400, "failed_precondition", "no uploaded blob for artifact " + name);
        }
        byte[] content = pending.get().getValue().committed().get();
        String hash = "sha256:" + sha256(content);
        if (Long.parseLong(body.get("size").asText()) != content.length || !hash.equals(body.path("hash").asText())) {
            return twirpError(400, "invalid_argument", "size or hash do not match the uploaded blob");
        }
        uploads.remove(pending.get().getKey());
        long id = nextId++;
        clock = clock.plusSeconds(60);
        artifacts.put(id, new Artifact(id, name, attempt, job, content, hash, clock));
        return answer(Map.of("ok", true, "artifact_id", Long.toString(id)));
    }

    private Response list(JsonNode body, int attempt, String job) {
        String filter = body.path("name_filter").asText("");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Artifact a : artifacts.values()) {
            if (filter.isEmpty() || a.name().equals(filter)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("workflow_run_backend_id", RUN_BACKEND_ID);
                item.put("workflow_job_run_backend_id", a.jobBackendId());
                item.put("database_id", Long.toString(a.id()));
                item.put("name", a.name());
                item.put("size", Long.toString(a.content().length));
                item.put("created_at", a.createdAt().toString());
                item.put("digest", a.digest());
                list.add(item);
            }
        }
        return answer(Map.of("artifacts", list));
    }

    private Response signedUrl(JsonNode body, int attempt, String job) {
        Optional<Artifact> artifact = artifacts.values().stream()
                .filter(a -> a.name().equals(body.path("name").asText()) && a.jobBackendId().equals(job)).findFirst();
        if (artifact.isEmpty() || signedUrlOnlyForCurrentAttempt && artifact.get().attempt() != currentAttempt) {
            return twirpError(404, "not_found", "workflow run not found");
        }
        return answer(Map.of("signed_url", server.url("/storage/" + artifact.get().id() + "?sig=download")));
    }

    private Response deleteByName(JsonNode body, int attempt, String job) {
        Optional<Artifact> artifact = artifacts.values().stream().filter(a -> a.name().equals(body.path("name").asText()))
                .findFirst();
        artifact.ifPresent(a -> artifacts.remove(a.id()));
        return artifact.isEmpty() ? twirpError(404, "not_found", "artifact not found")
                : answer(Map.of("ok", true, "artifact_id", Long.toString(artifact.get().id())));
    }

    private synchronized Response restList(RecordedRequest r, List<String> groups) {
        if (!("Bearer " + READ_TOKEN).equals(r.header("Authorization"))) {
            return Response.json(401, "{\"message\":\"Bad credentials\"}");
        }
        if (Long.parseLong(groups.get(0)) != runId) {
            return Response.json(404, "{\"message\":\"Not Found\"}");
        }
        Map<String, String> params = queryParameters(r.query() == null ? "" : r.query());
        int perPage = Math.min(100, Integer.parseInt(params.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        List<Artifact> all = List.copyOf(artifacts.values());
        ObjectNode body = JSON.createObjectNode().put("total_count", all.size());
        ArrayNode list = body.putArray("artifacts");
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(a -> list.addObject()
                .put("id", a.id()).put("node_id", "MDg6QXJ0aWZhY3Q" + a.id()).put("name", a.name())
                .put("size_in_bytes", a.content().length)
                .put("url", server.url("/repos/" + repository + "/actions/artifacts/" + a.id()))
                .put("archive_download_url", server.url("/repos/" + repository + "/actions/artifacts/" + a.id() + "/zip"))
                .put("expired", false).put("created_at", a.createdAt().toString())
                .put("updated_at", a.createdAt().toString()).put("expires_at", a.createdAt().plusSeconds(86400 * 90).toString())
                .put("digest", a.digest())
                .set("workflow_run", JSON.createObjectNode().put("id", runId).put("head_branch", "main")));
        return Response.json(200, body.toString());
    }

    private synchronized Response restZip(RecordedRequest r, List<String> groups) {
        if (!("Bearer " + READ_TOKEN).equals(r.header("Authorization"))) {
            return Response.json(401, "{\"message\":\"Bad credentials\"}");
        }
        long id = Long.parseLong(groups.get(0));
        return artifacts.containsKey(id) ? Response.redirect(server.url("/storage/" + id + "?sig=rest-download"))
                : Response.json(404, "{\"message\":\"Not Found\"}");
    }

    private synchronized Response restDelete(RecordedRequest r, List<String> groups) {
        if (!("Bearer " + READ_TOKEN).equals(r.header("Authorization"))) {
            return Response.json(401, "{\"message\":\"Bad credentials\"}");
        }
        return artifacts.remove(Long.parseLong(groups.get(0))) == null ? Response.json(404, "{}") : Response.empty(204);
    }

    private synchronized Response storage(RecordedRequest r, long id) throws IOException {
        if (r.header("Authorization") != null) {
            return Response.text(400, "InvalidAuthenticationInfo: storage refuses a forwarded Authorization header");
        }
        Artifact artifact = artifacts.get(id);
        if (artifact == null) {
            return Response.text(404, "BlobNotFound");
        }
        byte[] content = artifact.content().clone();
        if (cleanDownloadsBeforeCorruption > 0) {
            cleanDownloadsBeforeCorruption--;
        } else if (corruptDownloads > 0) {
            corruptDownloads--;
            content[Math.min(corruptAt, content.length - 1)] ^= 0x01;
        }
        if (wrapDownloadsInZip && "rest-download".equals(queryParameters(r.query()).get("sig"))) {
            content = zipped(artifact.name() + ".zip", content);
        }
        return new Response(200, Map.of("Content-Type", "application/zip"), content);
    }

    private Response answer(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(camelCaseAnswers ? camel(k) : k, v instanceof List<?> list && camelCaseAnswers
                ? list.stream().map(item -> camelKeys((Map<?, ?>) item)).toList()
                : v));
        try {
            return Response.json(200, JSON.writeValueAsString(out));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> camelKeys(Map<?, ?> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(camel((String) k), v));
        return out;
    }

    private static String camel(String snake) {
        Matcher m = Pattern.compile("_([a-z])").matcher(snake);
        return m.replaceAll(x -> x.group(1).toUpperCase());
    }

    private static Response twirpError(int status, String code, String msg) {
        return Response.json(status, "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\"}");
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : (query == null ? "" : query).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static byte[] zipped(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
