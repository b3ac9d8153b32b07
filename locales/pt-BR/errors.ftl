### A página de erro e os erros que qualquer página pode responder.

status-400 = Pedido inválido
status-403 = Acesso negado
status-404 = Não encontrado
status-405 = Ação não permitida
status-409 = Conflito
status-413 = Grande demais
status-422 = Confira o que você digitou
status-429 = Tentativas demais
status-500 = Erro no servidor
status-503 = Indisponível
status-other = Erro

error-request-id = Identificador do pedido:
error-back = Voltar ao painel

error-not-found = Não encontramos essa página ou esse registro.
error-forbidden = Seu papel não permite esta ação.
error-sign-in = Entre para continuar.
error-no-tenant = Escolha uma organização primeiro.
error-csrf = Este formulário expirou ou não veio do Hotelier. Volte, recarregue a página e tente de novo.
error-tenant-suspended = { $name } está suspensa, então seus dados não podem ser usados agora. Fale com seu gerente de conta ou com o suporte do Hotelier para restabelecer o acesso.
error-tenant-cancelled = { $name } foi cancelada. Os dados ficam guardados para exportação; fale com o suporte do Hotelier se isso for um engano.
error-too-many-requests = Tentativas demais. Aguarde um minuto e tente de novo.
error-trial-ended = O período de avaliação desta organização terminou, então ela está somente para leitura: você pode ver tudo, mas alterações exigem um plano ativo. Fale com o Hotelier para continuar.
error-validation-first = Confira o que você digitou: { $message }
error-validation = Confira o que você digitou.
error-stale = Outra pessoa alterou este registro. Recarregue para ver a versão mais recente.
error-unavailable = O serviço está indisponível por um instante. Tente de novo daqui a pouco.
error-db-conflict = Isso entra em conflito com um registro existente.
error-unexpected = Algo deu errado do nosso lado. O problema foi registrado.
error-busy = Outra pessoa estava alterando a mesma coisa naquele momento. Tente de novo.
error-method = Essa ação não está disponível aqui.
error-bad-request = Não foi possível entender o pedido. Volte e tente de novo.
error-form-unreadable = Não foi possível ler o formulário. Volte, confira o que digitou e tente de novo.
