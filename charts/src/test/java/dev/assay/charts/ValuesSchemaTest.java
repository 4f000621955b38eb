package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json turns a wrong value into an install error that names the field, instead of a broken release. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            api.replicaCount                        | -1        | /api/replicaCount
            operator.replicaCount                   | -2        | /operator/replicaCount
            executor                                | docker    | /executor
            api.resources.limits.memory             | lots      | /api/resources/limits
            api.service.port                        | 70000     | /api/service/port
            api.replicas                            | 2         | additional properties 'replicas' not allowed
            podSecurityContext.runAsNonRoot         | false     | /podSecurityContext/runAsNonRoot
            containerSecurityContext.allowPrivilegeEscalation | true | /containerSecurityContext/allowPrivilegeEscalation
            image.pullPolicy                        | Sometimes | /image/pullPolicy
            s3.bucket                               | My_Bucket | /s3/bucket
            s3.endpoint                             | s3.example.com | /s3/endpoint
            s3.existingSecret                       | Corp_S3   | /s3/existingSecret
            operator.extraWatchNamespaces[0]        | Team_A    | /operator/extraWatchNamespaces/0
            redis.auth.password                     | p@ss:word | /redis/auth/password
            minio.auth.rootPassword                 | short     | /minio/auth/rootPassword
            """)
    void rejects(String key, String value, String where) {
        assertThatThrownBy(() -> AssayChart.render(Map.of(key, value)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(where);
    }
}
