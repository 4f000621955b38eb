{{/* Names, labels and values shared by the templates. */}}

{{- define "assay.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "assay.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* A component's resource name: "<fullname>-<component>", within the 63 characters of a DNS label. */}}
{{- define "assay.componentName" -}}
{{- printf "%s-%s" (include "assay.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of a component. part-of=assay and the component name are what the NetworkPolicy admits; the operator
puts the same two on runner pods (component=runner).
usage: include "assay.labels" (dict "root" $ "component" "api")
*/}}
{{- define "assay.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "assay.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: assay
{{- end }}

{{- define "assay.selectorLabels" -}}
app.kubernetes.io/name: {{ include "assay.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
An Assay image: [registry/]repository:tag, the tag defaulting to the global one and then to appVersion.
usage: include "assay.image" (dict "root" $ "image" .Values.api.image)
*/}}
{{- define "assay.image" -}}
{{- $repo := .image.repository }}
{{- if .root.Values.image.registry }}
{{- $repo = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repo }}
{{- end }}
{{- printf "%s:%s" $repo (.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end }}

{{/* A third-party image (Redis, MinIO, busybox), used as given. */}}
{{- define "assay.externalImage" -}}
{{- printf "%s:%s" .repository .tag }}
{{- end }}

{{/* The namespaces the operator watches: the release's own first, then the extra ones, without repeats. */}}
{{- define "assay.watchNamespaces" -}}
{{- prepend .Values.operator.extraWatchNamespaces .Release.Namespace | uniq | join "," }}
{{- end }}

{{- define "assay.runnerServiceAccountName" -}}
{{- include "assay.componentName" (dict "root" . "component" "runner") }}
{{- end }}

{{- define "assay.runtimeSecretName" -}}
{{- .Values.runtimeSecret.existingSecret | default (include "assay.componentName" (dict "root" . "component" "runtime")) }}
{{- end }}

{{/*
The Secret runner pods take their environment from. The chart's own: one per watched namespace, whose Redis user
may touch only that namespace's status keys. With runtimeSecret.existingSecret: that Secret, as before.
*/}}
{{- define "assay.runnerSecretName" -}}
{{- .Values.runtimeSecret.existingSecret | default (include "assay.componentName" (dict "root" . "component" "runner")) }}
{{- end }}

{{/*
The ACL rules of a namespace's Redis user: the same as TaskScope.redisAclRules("assay:") in model/ (a chart test
compares them). Arguments: the namespace.
*/}}
{{- define "assay.redisRunnerAcl" -}}
resetkeys ~assay:ns:{{ . }}:* resetchannels -@all +@read +@write +@transaction +@connection -@dangerous
{{- end }}

{{- define "assay.redisSecretName" -}}
{{- .Values.redis.auth.existingSecret | default (include "assay.componentName" (dict "root" . "component" "redis")) }}
{{- end }}

{{- define "assay.minioSecretName" -}}
{{- .Values.minio.auth.existingSecret | default (include "assay.componentName" (dict "root" . "component" "minio")) }}
{{- end }}

{{/* A /tmp that can be written while the root filesystem cannot. */}}
{{- define "assay.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ . }}
{{- end }}

{{- define "assay.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/*
A credential: the value given in values, else the one already stored in the chart's Secret (so upgrades keep
it), else a new random one. Call it once per credential and reuse the result: every call may draw anew.
usage: include "assay.credential" (dict "root" $ "secret" NAME "key" KEY "given" VALUE "length" 32)
*/}}
{{- define "assay.credential" -}}
{{- if .given }}
{{- .given }}
{{- else }}
{{- $stored := "" }}
{{- $secret := lookup "v1" "Secret" .root.Release.Namespace .secret }}
{{- if $secret }}
{{- if hasKey ($secret.data | default dict) .key }}
{{- $stored = index $secret.data .key | b64dec }}
{{- end }}
{{- end }}
{{- $stored | default (randAlphaNum .length) }}
{{- end }}
{{- end }}

{{/*
A hash of the values the Secrets are made from. Pods read their environment only when they start, so a change
here must roll them; generated passwords are drawn once and kept, so they are left out on purpose (hashing the
rendered Secrets would differ between a first install and its first upgrade and restart pods for nothing).
*/}}
{{- define "assay.settingsChecksum" -}}
{{- list .Values.runtimeSecret .Values.s3 .Values.redis.enabled .Values.redis.auth .Values.minio.enabled .Values.minio.auth .Values.assistant .Values.operator.extraWatchNamespaces | toJson | sha256sum }}
{{- end }}

{{/*
Egress rules to the release's own Redis and MinIO (in the release's namespace), for NetworkPolicies. A store that
is not the release's own (redis.enabled or minio.enabled false) lives at an address the chart does not know: egress
is then open, and a cluster that wants it closed adds its own policy for that address.
*/}}
{{- define "assay.storesEgress" -}}
{{- range $store := list (dict "component" "redis" "port" 6379 "enabled" .Values.redis.enabled) (dict "component" "minio" "port" 9000 "enabled" .Values.minio.enabled) }}
{{- if $store.enabled }}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ $.Release.Namespace }}
      podSelector:
        matchLabels:
          {{- include "assay.selectorLabels" (dict "root" $ "component" $store.component) | nindent 10 }}
  ports:
    - port: {{ $store.port }}
      protocol: TCP
{{- else }}
- {}
{{- end }}
{{- end }}
{{- end }}

{{/* The Service the API server calls for the admission webhook, and the Secret with its certificate. */}}
{{- define "assay.webhookServiceName" -}}
{{- printf "%s-webhook" (include "assay.componentName" (dict "root" . "component" "operator")) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "assay.webhookSecretName" -}}
{{- printf "%s-webhook-tls" (include "assay.componentName" (dict "root" . "component" "operator")) | trunc 63 | trimSuffix "-" }}
{{- end }}
