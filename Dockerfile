# govindex as an HTTP service: docker build -t govindex . && docker run --rm -p 8000:8000 govindex
FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY rubrics ./rubrics
RUN pip install --no-cache-dir ".[server,excel,word]" && useradd --system --no-create-home govindex
USER govindex
EXPOSE 8000
# GOVINDEX_TOKEN, when set, is the bearer token every /api/ request must send.
CMD ["govindex", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
