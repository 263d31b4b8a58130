import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny program for prof2calltree's -r tests. Writes its arguments and working directory to
 * hello-run.txt in the current directory, keeps the CPU busy in its own methods for about half a
 * second (so the Flight Recorder samples them), and exits with the status given by
 * {@code --exit N} (default 0). Runs as a source file ({@code java Hello.java}), a class or a jar.
 */
public class Hello {
    public static void main(String[] args) throws IOException {
        Files.write(Path.of("hello-run.txt"),
                List.of(String.join("\u0000", args), Path.of("").toAbsolutePath().toString()),
                StandardCharsets.UTF_8);
        System.out.println("hello from Hello.java: " + String.join(" ", args) + " (" + spin(500) + ")");
        List<String> list = List.of(args);
        int at = list.indexOf("--exit");
        if (at >= 0) {
            System.exit(Integer.parseInt(list.get(at + 1)));
        }
    }

    /** Busy work for about {@code millis} milliseconds; returns a value so it is not optimised away. */
    static long spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += collatz(27 + (sum & 1023));
        }
        return sum;
    }

    static long collatz(long n) {
        long steps = 0;
        while (n != 1) {
            n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }
}
