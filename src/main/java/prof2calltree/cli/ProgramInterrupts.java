package prof2calltree.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While a profiled program runs in the foreground, Ctrl-C is the program's business, as with
 * system(3): the terminal sends SIGINT to the whole process group, the program stops in its own way
 * (cProfile and the Flight Recorder write what they recorded), and this JVM, which would otherwise
 * die at once and throw the recording away, carries on to convert it. Closing restores the JVM's
 * own handler, so a second Ctrl-C during the conversion stops the tool.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported) reflectively, so the build has no
 * warning about internal API; where it is missing or refused (a JVM run with -Xrs) this does
 * nothing and Ctrl-C stops the tool as usual (the temporary files are still removed by the runner's
 * shutdown hook).
 */
final class ProgramInterrupts implements AutoCloseable {
    private final AtomicBoolean seen;
    private final Method handle;
    private final Object signal;
    private final Object previous;

    private ProgramInterrupts(AtomicBoolean seen, Method handle, Object signal, Object previous) {
        this.seen = seen;
        this.handle = handle;
        this.signal = signal;
        this.previous = previous;
    }

    /** Starts holding SIGINT back from this JVM; call after the program has been started. */
    static ProgramInterrupts holdBack() {
        AtomicBoolean seen = new AtomicBoolean();
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
            Object handler = Proxy.newProxyInstance(ProgramInterrupts.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            seen.set(true);
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "prof2calltree: sigint held back";
                        default -> null;
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object previous = handle.invoke(null, sigint, handler);
            return new ProgramInterrupts(seen, handle, sigint, previous);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new ProgramInterrupts(seen, null, null, null);
        }
    }

    /** True if SIGINT arrived while held back. */
    boolean interrupted() {
        return seen.get();
    }

    /** Gives SIGINT back to the JVM. */
    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        try {
            handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The JVM keeps the no-op handler: Ctrl-C then no longer stops the conversion, a
            // lesser evil than failing it.
        }
    }
}
