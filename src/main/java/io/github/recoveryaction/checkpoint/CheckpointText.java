package io.github.recoveryaction.checkpoint;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Text and JSON output of the checkpoint commands. */
public final class CheckpointText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointText() {
    }

    public static String created(Checkpoint c, String store) {
        CheckpointMetrics m = c.metrics();
        return "Saved checkpoint " + c.id() + " to " + store + "\n"
                + "  after step " + c.stepNumber() + " (" + c.stepName() + "), lane " + c.lane() + ", "
                + (c.success() ? "success" : "failed" + c.errorMessage().map(e -> ": " + e).orElse("")) + "\n"
                + "  " + commit(c) + "\n"
                + "  " + c.files() + " paths, " + Sizes.bytes(c.bytes()) + " -> " + Sizes.bytes(c.archiveBytes())
                + " archive in " + Sizes.millis(m.wallMillis()) + " (CPU " + Sizes.millis(m.cpuMillis()) + ", peak memory "
                + Sizes.bytes(m.peakMemoryBytes()) + m.jobElapsedMillis().stream()
                        .mapToObj(j -> ", job running for " + Sizes.millis(j)).findFirst().orElse("")
                + ")\n"
                + "  state " + c.stateHash();
    }

    public static String list(StoreContents contents, String store) {
        List<Checkpoint> checkpoints = contents.intact();
        List<DamagedCheckpoint> damaged = contents.damaged();
        if (checkpoints.isEmpty() && damaged.isEmpty()) {
            return "No checkpoints in " + store + ".";
        }
        StringBuilder out = new StringBuilder("Checkpoints in " + store + ", newest first:\n");
        out.append(String.format("%-40s %5s  %-24s %-7s %7s %10s  %s%n", "ID", "STEP", "NAME", "RESULT", "PATHS",
                "ARCHIVE", "CREATED"));
        for (Checkpoint c : checkpoints) {
            out.append(String.format("%-40s %5d  %-24s %-7s %7d %10s  %s%s%s%n", c.id(), c.stepNumber(),
                    abbreviate(c.stepName(), 24), c.success() ? "ok" : "failed", c.files(), Sizes.bytes(c.archiveBytes()),
                    TIME.format(c.createdAt()), c.job().map(j -> "  (attempt " + j.attempt() + ")").orElse(""),
                    c.incremental() ? "  incremental on " + String.join(", ", c.pieces().stream()
                            .map(Piece::checkpointId).toList()) : ""));
        }
        for (DamagedCheckpoint d : damaged) {
            out.append(String.format("%-40s %5s  %-24s %-7s %7s %10s  %s%n", d.id(), "-", "-", "DAMAGED", "-", "-",
                    TIME.format(d.createdAt()))).append("  ").append(d.problem()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    public static String restored(RestoreResult r, String store) {
        if (!r.restored()) {
            return "No checkpoint to restore in " + store + ": run every step.";
        }
        Checkpoint c = r.checkpoint().orElseThrow();
        return "Restored checkpoint " + c.id() + " from " + store + ": " + r.restoredFiles() + " files, "
                + Sizes.bytes(r.bytes()) + "\n  resume after step " + r.resumeAfter() + " (" + c.stepName() + ")";
    }

    public static ObjectNode restoredJson(RestoreResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.checkpoint().map(Checkpoint::id).orElse(null));
        o.put("restored", r.restored());
        o.put("restoredFiles", r.restoredFiles());
        o.put("bytes", r.bytes());
        o.put("resumeAfter", r.resumeAfter());
        return o;
    }

    public static String validation(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        for (ValidationReport.Check c : report.checks()) {
            out.append(c.ok() ? "ok    " : "FAIL  ").append(c.name()).append(": ").append(c.detail()).append('\n');
        }
        out.append(report.ok() ? "All checks passed." : "Some checks failed.");
        return out.toString();
    }

    public static ObjectNode validationJson(ValidationReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", report.ok());
        ArrayNode checks = o.putArray("checks");
        report.checks().forEach(c -> checks.addObject().put("name", c.name()).put("ok", c.ok()).put("detail", c.detail()));
        return o;
    }

    public static String cleanup(CleanupReport report) {
        String verb = report.dryRun() ? "Would remove" : "Removed";
        StringBuilder out = new StringBuilder();
        report.removed().forEach(r -> out.append(verb).append(' ').append(r.kind()).append(' ').append(r.path())
                .append(" (").append(Sizes.bytes(r.bytes())).append(")\n"));
        report.kept().forEach(k -> out.append("Kept ").append(k).append('\n'));
        out.append(report.removed().isEmpty() ? "Nothing to remove."
                : verb + " " + report.removed().size() + " paths, " + Sizes.bytes(report.bytes()) + ".");
        return out.toString();
    }

    public static ObjectNode cleanupJson(CleanupReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("dryRun", report.dryRun());
        o.put("bytes", report.bytes());
        ArrayNode removed = o.putArray("removed");
        report.removed().forEach(r -> removed.addObject().put("path", r.path()).put("kind", r.kind()).put("bytes", r.bytes()));
        ArrayNode kept = o.putArray("kept");
        report.kept().forEach(kept::add);
        return o;
    }

    /** Intact checkpoints as {@code checkpoint --format json} prints them, then damaged ones with their problem. */
    public static ArrayNode listJson(StoreContents contents) {
        ArrayNode array = JSON.createArrayNode();
        contents.intact().forEach(c -> array.add(CheckpointCodec.summary(c).put("damaged", false)));
        for (DamagedCheckpoint d : contents.damaged()) {
            ObjectNode o = contents.manifest(d.id()).map(CheckpointCodec::summary).orElseGet(JSON::createObjectNode);
            o.put("id", d.id());
            o.put("damaged", true);
            o.put("problem", d.problem());
            o.put("createdAt", d.createdAt().toString());
            array.add(o);
        }
        return array;
    }

    private static String commit(Checkpoint c) {
        return c.commit().map(h -> "commit " + h.substring(0, Math.min(12, h.length()))
                + c.branch().map(b -> " on " + b).orElse(" (detached)") + (c.dirty() ? ", working tree dirty" : ""))
                .orElse("no git commit");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
