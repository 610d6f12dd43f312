package io.github.recoveryaction.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.classify.FailureType;

/**
 * Loads the bundled plan templates ({@code plans/<failure-type>.yaml}, {@code plans/ecosystems.yaml}) and merges a
 * repository's override file over them: an override template or ecosystem replaces the bundled one with the same
 * id; new ecosystem ids are added.
 */
public final class PlanLoader {

    static final String RESOURCE_DIR = "plans/";
    static final String ECOSYSTEMS = "ecosystems.yaml";
    /** The per-repository override read when nothing else is named. */
    public static final String DEFAULT_OVERRIDE = ".github/recovery-plans.yml";

    private PlanLoader() {
    }

    /** The bundled catalog merged with {@code overrideFile} when given. */
    public static PlanCatalog load(Optional<Path> overrideFile) {
        List<PlanFile> files = new ArrayList<>(bundled());
        overrideFile.ifPresent(path -> files.add(PlanFile.parse(path.toString(), read(path))));
        return merge(files);
    }

    /**
     * The override file to use for a workspace: {@code explicit} (e.g. {@code --plans}) when given, else the
     * configuration's {@code plans-file}, else {@code .github/recovery-plans.yml} when it exists. A file that is
     * named explicitly or in the configuration must exist.
     */
    public static Optional<Path> findOverride(Path workspace, Optional<Path> explicit, Optional<String> configured) {
        if (explicit.isPresent()) {
            return explicit;
        }
        if (configured.isPresent()) {
            Path file = workspace.resolve(configured.get()).normalize();
            if (!file.startsWith(workspace.normalize())) {
                throw new InvalidInputException("plans-file '" + configured.get() + "' points outside the workspace");
            }
            return Optional.of(file);
        }
        Path fallback = workspace.resolve(DEFAULT_OVERRIDE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The bundled catalog only. */
    public static PlanCatalog bundledCatalog() {
        return merge(bundled());
    }

    /** Merges files in order, later ids replacing earlier ones. */
    static PlanCatalog merge(List<PlanFile> files) {
        Map<FailureType, PlanTemplate> templates = new EnumMap<>(FailureType.class);
        Map<String, Ecosystem> ecosystems = new LinkedHashMap<>();
        for (PlanFile f : files) {
            f.templates().forEach(t -> templates.put(t.failureType(), t));
            f.ecosystems().forEach(e -> ecosystems.put(e.id(), e));
        }
        for (FailureType type : FailureType.values()) {
            if (!templates.containsKey(type)) {
                throw new PlanValidationException("no plan template for failure type " + type.id()
                        + " in " + files.stream().map(PlanFile::name).toList());
            }
        }
        return new PlanCatalog(templates, List.copyOf(ecosystems.values()));
    }

    private static List<PlanFile> bundled() {
        List<PlanFile> files = new ArrayList<>();
        files.add(resource(ECOSYSTEMS));
        for (FailureType type : FailureType.values()) {
            files.add(resource(type.id() + ".yaml"));
        }
        return files;
    }

    private static PlanFile resource(String name) {
        String path = RESOURCE_DIR + name;
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled plan file " + path + " is missing from the build");
            }
            return PlanFile.parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled plan file " + path, e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("plan file " + path + " does not exist; pass an existing file to --plans");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read plan file " + path + ": " + e.getMessage(), e);
        }
    }
}
