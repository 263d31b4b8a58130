import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * I/O workload for the JFR test fixtures: file writes and reads in the
 * directory given on the command line (jdk.FileWrite / jdk.FileRead) and a
 * loopback echo over 127.0.0.1 (jdk.SocketWrite / jdk.SocketRead). Every loop
 * is bounded in count and time; nothing leaves the machine.
 *
 * Usage: java IoWork <directory> [seconds]
 */
public class IoWork {
    static volatile long sink;

    static void writeFile(File f, byte[] block, int blocks) throws IOException {
        try (OutputStream out = new FileOutputStream(f)) {
            for (int i = 0; i < blocks; i++) out.write(block);
        }
    }

    static long readFile(File f, byte[] buf) throws IOException {
        long total = 0;
        try (InputStream in = new FileInputStream(f)) {
            int n;
            while ((n = in.read(buf)) > 0) total += n;
        }
        return total;
    }

    static long randomAccess(File f, byte[] buf) throws IOException {
        long total = 0;
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            for (int i = 0; i < 16; i++) {
                raf.seek((long) i * buf.length);
                total += raf.read(buf);
                raf.seek((long) i * buf.length);
                raf.write(buf, 0, 512);
            }
        }
        return total;
    }

    static void echoServer(ServerSocket server, int rounds) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            for (int i = 0; i < rounds; i++) {
                int n = in.read(buf);
                if (n <= 0) break;
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static long echoClient(int port, int rounds, long end) throws IOException {
        long total = 0;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] msg = new byte[4096];
            byte[] buf = new byte[8192];
            for (int i = 0; i < rounds && System.nanoTime() < end; i++) {
                out.write(msg);
                int got = 0;
                while (got < msg.length) {
                    int n = in.read(buf, 0, msg.length - got);
                    if (n <= 0) return total;
                    got += n;
                }
                total += got;
                if (i % 50 == 0) {
                    try { Thread.sleep(1); } catch (InterruptedException e) { break; }
                }
            }
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        dir.mkdirs();

        Thread files = new Thread(() -> {
            byte[] block = new byte[16 * 1024];
            byte[] buf = new byte[8 * 1024];
            try {
                for (int i = 0; i < 100 && System.nanoTime() < end; i++) {
                    File f = new File(dir, "data-" + (i % 4) + ".bin");
                    writeFile(f, block, 32);
                    sink += readFile(f, buf);
                    sink += randomAccess(f, buf);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "io-files");

        final int rounds = 2000;
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread srv = new Thread(() -> echoServer(server, rounds), "io-echo-server");
        Thread client = new Thread(() -> {
            try {
                sink += echoClient(server.getLocalPort(), rounds, end);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "io-echo-client");

        files.start();
        srv.start();
        client.start();
        files.join();
        client.join();
        srv.join(5000);
        server.close();
        for (int i = 0; i < 4; i++) new File(dir, "data-" + i + ".bin").delete();
        System.out.println("IoWork done " + (sink > 0));
    }
}
