package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parameter lists from descriptors, and source files from class names. */
class FrameNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "()V | ()",
        "(I[Ljava/lang/String;)V | (int, java.lang.String[])",
        "(JLjava/lang/Object;)V | (long, java.lang.Object)",
        "([[DZBCSF)[I | (double[][], boolean, byte, char, short, float)",
        "(Ljava/util/Map$Entry;)Ljava/lang/Object; | (java.util.Map$Entry)",
    })
    void parameterLists(String descriptor, String parameters) {
        assertEquals(parameters, Descriptors.parameters(descriptor));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"()L;", "(Lk;)L;", "I", "(I", "(Q)V", "(I)", "(I)VV", "''"})
    void madeUpDescriptorsAreNotJava(String descriptor) {
        assertNull(Descriptors.parameters(descriptor));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.util.HashMap | java/util/HashMap.java",
        "java.util.HashMap$Node | java/util/HashMap.java",
        "CpuWork$Matrix | CpuWork.java",
        "Work$$Lambda$88+0x00007f71f4007a08.1790421142 | Work.java",
        "java.lang.invoke.LambdaForm$MH/0x0000000800c0c400 | java/lang/invoke/LambdaForm.java",
        "jdk.proxy1.$Proxy12 | jdk/proxy1/$Proxy12.java",
    })
    void sourceFiles(String className, String file) {
        assertEquals(file, FrameNames.sourceFile(className));
    }
}
