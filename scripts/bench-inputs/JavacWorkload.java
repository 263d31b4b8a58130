import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The JFR benchmark workload of scripts/bench: several threads run javac in-process (through
 * javax.tools) over and over on freshly generated source trees, until a time limit.
 *
 * <p>javac is a real program with many classes and deep, varied stacks (its parser, attribution
 * and code generation recurse over the syntax tree), so a recording of it has many distinct
 * stack traces, as a profile of a real application does. Each compilation gets a new random
 * source tree (classes with nested expressions, generics, lambdas, switch statements and
 * recursion of varying depth), compiled in memory: no files are written.
 *
 * <p>Usage: java JavacWorkload MAX_SECONDS [THREADS] [CLASSES_PER_UNIT] [UNITS]
 *
 * <p>Stops after UNITS compilations in all (default: no limit) or MAX_SECONDS, whichever comes
 * first. A fixed number of units allocates about the same number of bytes on any machine, so
 * allocation events (one per TLAB) depend on the work done, not on how fast the machine is.
 */
public final class JavacWorkload {
  private JavacWorkload() {}

  public static void main(String[] args) throws Exception {
    long seconds = Long.parseLong(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int classes = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    long maxUnits = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    AtomicLong claimed = new AtomicLong();
    AtomicLong units = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final int seed = t;
      Thread w = new Thread(() -> {
        Random random = new Random(seed * 7919L + 1);
        long unit;
        while (System.nanoTime() < deadline && (unit = claimed.getAndIncrement()) < maxUnits) {
          compile(javac, generate(random, classes, "p" + seed + "_" + unit));
          units.incrementAndGet();
        }
      }, "javac-" + t);
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    System.out.println("compiled " + units.get() + " units with " + threads + " threads");
  }

  /** Compiles the sources in memory; class files are thrown away. */
  private static void compile(JavaCompiler javac, List<JavaFileObject> sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
    ForwardingJavaFileManager<StandardJavaFileManager> files =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return new ByteArrayOutputStream();
              }
            };
          }
        };
    boolean ok = javac.getTask(null, files, diagnostics, List.of("-g", "-proc:none"), null, sources).call();
    if (!ok) {
      throw new IllegalStateException("generated code did not compile: " + diagnostics.getDiagnostics().get(0));
    }
  }

  /** One compilation unit set: CLASSES classes in one package that call each other. */
  private static List<JavaFileObject> generate(Random r, int classes, String pkg) {
    List<JavaFileObject> out = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      StringBuilder s = new StringBuilder();
      s.append("package ").append(pkg).append(";\nimport java.util.*;\nimport java.util.function.*;\n");
      s.append("public class C").append(c).append("<T extends Comparable<T>> {\n");
      s.append("  static int mx(int x, int y) { return x > y ? x : y; }\n");
      s.append("  static int ab(int x) { return x < 0 ? -x : x; }\n");
      int methods = 4 + r.nextInt(8);
      for (int m = 0; m < methods; m++) {
        s.append("  public static int m").append(m).append("(int a, int b) {\n");
        s.append("    List<Integer> xs = new ArrayList<>();\n");
        s.append("    Function<Integer, Integer> f = v -> ").append(expr(r, 2 + r.nextInt(5))).append(";\n");
        s.append("    switch (a % 4) {\n");
        for (int k = 0; k < 4; k++) {
          s.append("      case ").append(k).append(": xs.add(").append(expr(r, 1 + r.nextInt(6))).append("); break;\n");
        }
        s.append("      default: break;\n    }\n");
        s.append("    int calls = 0;\n");
        s.append("    if (").append(expr(r, 3)).append(" > 0) {\n");
        if (c > 0) {
          s.append("      calls += C").append(r.nextInt(c)).append(".m0(a - 1, b);\n");
        }
        s.append("    }\n");
        s.append("    for (int i = 0; i < ").append(1 + r.nextInt(5)).append("; i++) { xs.add(f.apply(i) + ")
            .append(expr(r, 4)).append("); }\n");
        s.append("    return xs.stream().mapToInt(Integer::intValue).sum() + ").append(expr(r, 1 + r.nextInt(7)))
            .append(" + calls;\n  }\n");
      }
      s.append("}\n");
      String name = "C" + c;
      String text = s.toString();
      out.add(new SimpleJavaFileObject(URI.create("mem:///" + pkg + "/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      });
    }
    return out;
  }

  /** A random int expression of the given nesting depth over a, b and v-free terms. */
  private static String expr(Random r, int depth) {
    if (depth <= 0) {
      switch (r.nextInt(4)) {
        case 0: return "a";
        case 1: return "b";
        case 2: return Integer.toString(r.nextInt(100));
        default: return "ab(a - " + r.nextInt(50) + ")";
      }
    }
    switch (r.nextInt(6)) {
      case 0: return "(" + expr(r, depth - 1) + " + " + expr(r, depth - 1 - r.nextInt(2)) + ")";
      case 1: return "(" + expr(r, depth - 1) + " * " + expr(r, depth - 2) + ")";
      case 2: return "(" + expr(r, depth - 1) + " > " + expr(r, depth - 2) + " ? " + expr(r, depth - 1) + " : "
          + expr(r, depth - 3) + ")";
      case 3: return "mx(" + expr(r, depth - 1) + ", " + expr(r, depth - 2) + ")";
      case 4: return "((" + expr(r, depth - 1) + ") ^ " + r.nextInt(255) + ")";
      default: return "(-" + expr(r, depth - 1) + ")";
    }
  }
}
