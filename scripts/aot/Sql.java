import java.sql.DriverManager;

/**
 * One SQL statement against a PostgreSQL, for scripts/aot-train.sh: the api's training run keeps its metadata in a
 * schema of its own, made before the run and dropped after it. Run by the build's JDK in source-file mode, with the
 * image's PostgreSQL driver on the class path.
 *
 * <p>usage: java -cp postgresql.jar Sql.java JDBC-URL USER PASSWORD STATEMENT
 */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (var connection = DriverManager.getConnection(args[0], args[1], args[2]);
                var statement = connection.createStatement()) {
            statement.execute(args[3]);
        }
    }
}
