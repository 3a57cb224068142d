package dev.roadie.playbook;

import groovy.transform.ThreadInterrupt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.tools.GroovyClass;

/** Compiles a playbook's source to class files, with the DSL's base class and imports. */
final class PlaybookCompiler {

  /** The classes of one playbook, by binary name; the script class first. */
  record Output(String scriptClass, Map<String, byte[]> classes) {}

  private PlaybookCompiler() {}

  static Output compile(String file, String className, String source) {
    CompilerConfiguration configuration = new CompilerConfiguration();
    configuration.setScriptBaseClass(PlaybookScript.class.getName());
    configuration.setTargetBytecode(CompilerConfiguration.JDK17);
    configuration.addCompilationCustomizers(
        new ImportCustomizer()
            .addImports(
                "java.time.Duration",
                "java.time.Instant",
                "java.nio.file.Path",
                "java.nio.file.Files",
                "dev.roadie.config.Secret")
            .addStarImports("java.time"),
        // Loops and closures check the thread's interrupt flag, so a step's timeout stops even a
        // busy loop.
        new ASTTransformationCustomizer(ThreadInterrupt.class),
        new ExitGuard());

    CompilationUnit unit = new CompilationUnit(configuration);
    unit.addSource(className + ".groovy", source);
    try {
      unit.compile(Phases.CLASS_GENERATION);
    } catch (MultipleCompilationErrorsException e) {
      throw new PlaybookCompileException(diagnostics(file, source, e));
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (GroovyClass compiled : unit.getClasses()) {
      classes.put(compiled.getName(), compiled.getBytes());
    }
    return new Output(className, classes);
  }

  private static List<Diagnostic> diagnostics(
      String file, String source, MultipleCompilationErrorsException failure) {
    String[] lines = source.split("\r?\n", -1);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Message message : failure.getErrorCollector().getErrors()) {
      if (message instanceof SyntaxErrorMessage syntax) {
        SyntaxException error = syntax.getCause();
        int line = error.getStartLine();
        String sourceLine = line >= 1 && line <= lines.length ? lines[line - 1] : null;
        diagnostics.add(
            new Diagnostic(
                file, line, error.getStartColumn(), plain(error.getOriginalMessage()), sourceLine));
      } else if (message instanceof ExceptionMessage exception) {
        diagnostics.add(
            new Diagnostic(file, 0, 0, String.valueOf(exception.getCause().getMessage()), null));
      } else if (message instanceof SimpleMessage simple) {
        diagnostics.add(new Diagnostic(file, 0, 0, simple.getMessage(), null));
      }
    }
    return diagnostics;
  }

  /** The compiler's own words, without the position it repeats and we already show. */
  private static String plain(String message) {
    String text = message.replaceAll("\\s*@ line \\d+, column \\d+\\.?\\s*$", "").strip();
    // The parser quotes everything from the last good token on, across lines, with the line
    // breaks escaped; the last line is the part at the error's position.
    java.util.regex.Matcher quoted =
        java.util.regex.Pattern.compile("(?s)^(.*?')(.*(?:\\\\n|\n))((?:(?!\\\\n)[^\n])*)'$")
            .matcher(text);
    String shown = quoted.matches() ? quoted.group(1) + quoted.group(3).strip() + "'" : text;
    return shown.equals("Unexpected input: ''")
        ? "unexpected end of the file: a { or ( is not closed"
        : shown;
  }
}
