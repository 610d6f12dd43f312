// Usage: java -cp "$(find target/quarkus-app -name "*.jar" | tr "\n" :)" bench/ClassifyThroughput.java LOG RUNS
import io.github.recoveryaction.classify.*;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleLoader;
import java.lang.management.*;
import java.nio.file.*;
import java.util.Optional;
/** In-JVM throughput of Classifier on one log, in CPU time of the classifying thread (robust on a shared machine). */
public class ClassifyThroughput {
  public static void main(String[] a) throws Exception {
    Path p = Path.of(a[0]);
    long bytes = Files.size(p);
    Classifier c = new Classifier(RuleLoader.load(Optional.empty()));
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    double best = 1e9;
    for (int i = 0; i < Integer.parseInt(a[1]); i++) {
      long cpu0 = t.getCurrentThreadCpuTime();
      Classification r = c.classify(LogInput.of(p));
      double s = (t.getCurrentThreadCpuTime() - cpu0) / 1e9;
      best = Math.min(best, s);
      System.out.printf("run %d: %.2fs CPU, %.0f MB/s (%s)%n", i, s, bytes / s / 1e6, r.rule());
    }
    System.out.printf("best: %.0f MB/s CPU%n", bytes / best / 1e6);
  }
}
