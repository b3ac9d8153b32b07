### O layout, a navegação, as mensagens comuns dos formulários, os formatos.

language-name = Português (Brasil)

## Formatos: as palavras em volta de números e valores (os números vêm do CLDR).
money = { $symbol } { $amount }
money-negative = -{ $symbol } { $amount }
currency-symbol = { $code ->
    [USD] US$
    [EUR] €
    [GBP] £
    [BRL] R$
    [JPY] JP¥
   *[other] { $code }
}
percent = { $value } %

## Navegação
nav-dashboard = Painel
nav-reservations = Reservas
nav-calendar = Mapa de quartos
nav-reports = Relatórios
nav-kiosk = Balcão da recepção
nav-hotels = Hotéis
nav-rooms = Quartos
nav-housekeeping = Governança
nav-guests = Hóspedes
nav-members = Usuários
nav-settings = Configurações
nav-audit = Registro de auditoria
nav-organization = Organização
nav-main = Principal

## O layout
layout-visiting = Você está dentro de { $org } como superadministrador. Cada ação fica registrada em seu nome.
layout-leave = Sair daqui
layout-switch = Trocar
layout-account-title = Sua conta: sessões, senha e idioma
layout-sign-out = Sair

## Listas
pager-label = Paginação
pager-previous = Anterior
pager-next = Próxima
pager-info = Página { $page } de { $pages } · { $total ->
    [0] nenhum resultado
    [one] { $total } resultado
   *[other] { $total } resultados
}

## Edições que se cruzaram
conflict-title = Outra pessoa alterou este registro ({ $what }) enquanto você editava
conflict-explain = Nada foi salvo. Suas alterações continuam no formulário abaixo, com os valores atuais ao lado. Salve de novo para substituir os valores atuais pelos seus.
conflict-field = Campo
conflict-yours = Sua versão
conflict-current = Versão atual

## Mensagens dos formulários
form-fix-fields = { $count ->
    [one] Corrija 1 campo abaixo.
   *[other] Corrija { $count } campos abaixo.
}
form-required = Este campo é obrigatório.
form-too-long = Use no máximo { $max } caracteres.
form-number-range = Informe um número de { $min } a { $max }.
form-whole-number = Informe um número inteiro de { $min } a { $max }.
form-choose-date = Escolha uma data.
form-date-format = Informe uma data como 2026-12-24.
form-code = Use até 16 letras, dígitos ou hífens, começando por letra ou dígito.
form-email = Informe um e-mail como nome@exemplo.com.
form-timezone = Escolha um fuso horário da lista, como America/Sao_Paulo.
form-choose-option = Escolha uma das opções.

## Valores
amount-above-zero = Informe um valor acima de zero.
amount-empty = Informe um valor.
amount-format = Informe um valor como { $example }.
amount-no-cents = Esta moeda não tem centavos: informe um valor como { $example }.
amount-decimals = Use no máximo { $digits } casas decimais: informe um valor como { $example }.
amount-ambiguous = Isto pode significar { $as_group } ou { $as_decimal }. Digite também os centavos, como em { $example }.
amount-too-large = Esse valor é grande demais.

## Uma linha da conta
folio-room-night = Diária, noite de { $date }

## O saldo de uma conta
standing-due = Saldo devedor { $amount }
standing-credit = Crédito { $amount }
standing-settled = Quitado

## Datas e hóspedes da estadia
stay-departure-not-after-arrival = A saída deve ser depois da chegada.
stay-too-long = Uma estadia pode ter no máximo { $max } noites.
stay-in-the-past = A chegada está no passado. Só um gerente pode registrar uma reserva retroativa.
stay-too-many-guests = Este tipo de quarto acomoda no máximo { $max } hóspedes.
